-- A work item whose message the hub could not render for a reason of its own making (a mapping
-- that cannot format a value the hub accepted, a code missing from a code table): its outbox row
-- is PARKED with an empty payload and the reason here, listed in /api/v1/parked. A replay renders
-- it again (the mapping or the data mended meanwhile) before it goes back in line; the family is
-- not sent to the window for the hub's fault.
alter table outbox_message add column render_error text;
