-- /actuator/health/outbox counts each agency's waiting (PENDING, BATCHED) and parked messages. It
-- read the whole outbox to do so — delivered rows are nearly all of it and are kept — so the check
-- grew with the hub's history (112 ms on an outbox of 400,000 delivered rows). PENDING and PARKED
-- have partial indexes already; this one is for BATCHED. Its entries are written only when a
-- message goes into a batch file, never for the other writes of a row.
create index outbox_message_batched_idx on outbox_message (agency) where status = 'BATCHED';
