-- An outbox row is written three or four times (inserted, claimed, batched, delivered) and none of
-- those updates can be HOT, so every write adds an entry to each of its indexes. Two of its five
-- indexes only answered lookups that the work item's own unique keys answer as well:
--  * a case's messages (the message log): work_item (case_id, type) gives the work items, the
--    unique work_item_id their messages;
--  * a reply's reference, the dedup key <caseNo>-<itemType>: case_file.case_no and work_item
--    (case_id, type) are unique, so the key is too, and the unique work_item_id keeps one message
--    per work item (delivery/OutboxReferences reads the key that way).
-- Measured with bench/dispatch.sh (40,000 cases): 0.4 ms less PostgreSQL CPU per case with the
-- two foreign keys below.
alter table outbox_message drop constraint outbox_message_dedup_key_key;
drop index outbox_message_case_idx;

-- A message-log entry's case and work item are its outbox row's: every insert now takes them from
-- that row (joined by outbox_id, whose foreign key stays), so checking them again against
-- case_file and work_item, and locking those rows, was done for nothing at each entry.
alter table message_log drop constraint message_log_case_id_fkey;
alter table message_log drop constraint message_log_work_item_id_fkey;
