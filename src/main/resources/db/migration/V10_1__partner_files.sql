-- Partner files (issues 12 and 13): the uploads under way on the hub's SFTP drop-box, the claims
-- that keep two hub instances off one file, and what became of every file, for the operators.

-- Uploads through the SFTP drop-box, seen by every hub instance polling the same folders: a file
-- is read only once its writer closed it and it has not changed since (size and time as closed).
create table partner_upload (
    path          varchar(1000) primary key,           -- the file's absolute path (as the file route sees it)
    partner_code  varchar(40)   not null,
    state         varchar(12)   not null,              -- WRITING, CLOSED, INTERRUPTED
    reason_code   varchar(40),                         -- INTERRUPTED: connection-lost, quota, write-failed, hub-stopped
    opened_at     timestamptz   not null,
    alive_at      timestamptz   not null,              -- renewed while the writing session lives
    closed_at     timestamptz,
    size_bytes    bigint,                              -- CLOSED: the file as its writer left it
    modified_ms   bigint
);
-- the housekeeping job looks for writers that stopped giving signs of life (their hub died)
create index partner_upload_writing_idx on partner_upload (alive_at) where state = 'WRITING';

-- Which hub instance works on which partner file (the file routes' read lock). A claim is renewed
-- while its owner lives and lapses when it stops; a restarted owner (same LIANBAN_INSTANCE_ID, a new
-- process) takes its claims back at once.
create table partner_file_claim (
    file_key    varchar(1000) primary key,             -- the file's absolute path
    owner       varchar(200)  not null,                -- LIANBAN_INSTANCE_ID (or a random name)
    process     varchar(40)   not null,                -- this run of the instance
    claimed_at  timestamptz   not null,
    renewed_at  timestamptz   not null
);
-- each process renews its claims in one statement
create index partner_file_claim_process_idx on partner_file_claim (process);

-- What became of a file, for GET /api/v1/partner-files: the reason apart in both languages, where
-- its receipt was written or where it was set aside. New statuses beside IN_PROGRESS, COMPLETED
-- and UNREADABLE: INTERRUPTED (upload cut off), EXPIRED (temporary file abandoned), FAILED (an
-- unexpected error of the hub's).
alter table partner_submission
    add column reason_code  varchar(60),
    add column reason_zh    text,
    add column reason_en    text,
    add column receipt_name varchar(1000),
    add column error_name   varchar(1000);

-- the operators' listing reads files only (REST requests are most rows), newest first
create index partner_submission_files_idx on partner_submission (received_at desc, id desc)
    where channel <> 'REST';
create index partner_submission_partner_files_idx on partner_submission (partner_code, received_at desc, id desc)
    where channel <> 'REST';
