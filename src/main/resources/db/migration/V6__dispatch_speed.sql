-- The outbox relay claims an agency's due rows in (next_attempt_at, id) order, up to a limit, every
-- poll (100 ms), and so does the batch file maker. With id in the index the scan stops at the
-- limit; without it, every due row of the agency was read and sorted at each poll (3.6 ms per
-- agency with a thousand due rows, the relay's costliest statement).
create index outbox_message_due_order_idx on outbox_message (agency, next_attempt_at, id) where status = 'PENDING';
drop index outbox_message_due_idx;
create index outbox_batch_due_order_idx on outbox_batch (agency, next_attempt_at, id) where status = 'PENDING';
drop index outbox_batch_due_idx;
