-- The relay claims the oldest due messages "order by next_attempt_at, id": with id in the index
-- PostgreSQL reads the first rows in order instead of sorting every pending one, which grew with
-- the backlog (6 ms a claim at 20,000 pending).
drop index notification_outbox_due_idx;
create index notification_outbox_due_idx on notification_outbox (channel, next_attempt_at, id)
    where status = 'PENDING';
