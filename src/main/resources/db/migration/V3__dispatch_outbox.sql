-- Dispatch and reliable delivery: the transactional outbox, the batch files made from it, and the
-- message log (provenance). A case's work items, their outbox rows and its timeline event are
-- written in one transaction; Camel only relays what was committed.

-- A character the agency's charset cannot hold, replaced as its mapping declares (生僻字 → □):
-- [{field, character, codePoint, substitute}], for the clerk to check the agency got the person.
alter table work_item add column substitutions jsonb;

-- A batch file (police household fixed-width, civil affairs CSV): several work items' records in
-- one file, made once when its rows are first claimed and re-sent byte for byte (same name) on a
-- retry, so the agency recognises a repeat by the file name as well as by each record's key.
create table outbox_batch (
    id              bigserial primary key,
    agency          varchar(40)  not null,
    mapping_id      varchar(80)  not null,
    file_name       varchar(200) not null unique,
    content_type    varchar(100) not null,
    payload         bytea        not null,
    records         integer      not null,
    status          varchar(12)  not null,                 -- PENDING, DELIVERED, PARKED
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,                 -- due time; while claimed, the end of the lease
    claimed_by      varchar(64),                           -- the hub instance sending it right now
    last_error      text,
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);
create index outbox_batch_due_idx on outbox_batch (agency, next_attempt_at) where status = 'PENDING';

-- One message per work item, ever (unique work_item_id and dedup_key): a replay or a retry sends
-- this same row again, never a new one.
create table outbox_message (
    id              bigserial primary key,
    work_item_id    bigint       not null unique references work_item (id),
    case_id         bigint       not null references case_file (id),
    agency          varchar(40)  not null,
    dedup_key       varchar(100) not null unique,          -- <caseNo>-<itemType>: header, file record, column
    message_id      uuid         not null,                 -- message.id in the payload
    mapping_id      varchar(80)  not null,
    content_type    varchar(100) not null,
    charset         varchar(20)  not null,
    payload         bytea        not null,                 -- this item's rendering (a batched item: as a file of one record)
    context         jsonb,                                 -- kept where delivery renders again: batch files, table rows
    status          varchar(12)  not null,                 -- PENDING, BATCHED, DELIVERED, PARKED, CANCELLED
    batch_id        bigint references outbox_batch (id),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,                 -- due time; while claimed, the end of the lease
    claimed_by      varchar(64),
    last_error      text,
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    parked_at       timestamptz
);
create index outbox_message_due_idx on outbox_message (agency, next_attempt_at) where status = 'PENDING';
create index outbox_message_parked_idx on outbox_message (agency, parked_at) where status = 'PARKED';
create index outbox_message_case_idx on outbox_message (case_id);
create index outbox_message_batch_idx on outbox_message (batch_id) where batch_id is not null;

-- Provenance: every attempt to deliver a work item's message, with the transport's answer (HTTP
-- status and body, the SFTP file written, the rows inserted) or the error, and every park and
-- replay. The payload is the outbox row's (or its batch's), immutable once written.
create table message_log (
    id           bigserial primary key,
    outbox_id    bigint       not null references outbox_message (id),
    case_id      bigint       not null references case_file (id),
    work_item_id bigint       not null references work_item (id),
    batch_id     bigint references outbox_batch (id),
    attempt      integer      not null,
    at           timestamptz  not null,
    event        varchar(16)  not null,                    -- DELIVERED, FAILED, PARKED, REPLAYED, CANCELLED
    instance     varchar(64),                              -- which hub instance
    answer       text                                      -- the transport's answer, or the error
);
create index message_log_case_idx on message_log (case_id, id);
