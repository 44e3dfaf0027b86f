-- Certificates from partners (hospitals, health centres, police, funeral homes), every file or
-- request they sent with the outcome of each of its records (the receipt), and the table behind
-- Camel's JDBC idempotent repositories for partner files.

-- The current version of each certificate. Keyed by kind + number, so the same record read twice
-- (a re-sent file, a file re-read after a crash) finds its row and creates nothing new.
create table certificate (
    id                    bigserial primary key,
    kind                  varchar(20)  not null,             -- DEATH_MEDICAL, DEATH_NON_NORMAL, CREMATION
    certificate_no        varchar(40)  not null,             -- ID number, USCC + serial, region + serial, cremation no
    partner_code          varchar(40)  not null,             -- the issuer: only it may correct or void it
    status                varchar(10)  not null,             -- ACTIVE, VOIDED
    action                varchar(10)  not null,             -- SUBMIT, UPDATE, VOID: how the current version came
    version               integer,                           -- the partner's version number, if it sends one
    issued_at             timestamptz,                       -- issuer.issuedAt (cremation: crematedAt), orders versions
    content_sha256        char(64)     not null,             -- same version + same content = DUPLICATE
    deceased_id_number    varchar(18),                       -- matching key to case_file.deceased_id_number
    household_region_code char(6),                           -- deceased.householdRegionCode (eligibility)
    death_region_code     char(6),                           -- death.regionCode, else the issuer's region (eligibility)
    death_certificate_no  varchar(40),                       -- cremation: the death certificate, when known
    void_reason           text,
    record                json         not null,             -- the record as accepted (dotted names nested)
    submission_id         bigint       not null,             -- where the current version came from
    line_no               integer      not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    unique (kind, certificate_no)
);
create index certificate_deceased_idx on certificate (deceased_id_number);

-- Every version that was replaced by a newer one (the current one is in certificate).
create table certificate_version (
    id              bigserial primary key,
    certificate_id  bigint       not null references certificate (id),
    status          varchar(10)  not null,
    action          varchar(10)  not null,
    version         integer,
    issued_at       timestamptz,
    content_sha256  char(64)     not null,
    record          json         not null,
    submission_id   bigint       not null,
    line_no         integer      not null,
    received_at     timestamptz  not null,
    replaced_at     timestamptz  not null
);
create index certificate_version_cert_idx on certificate_version (certificate_id, id);

-- What a partner sent: one file (drop folder, SFTP drop-box, partner's SFTP server) or one request.
create table partner_submission (
    id            bigserial primary key,
    partner_code  varchar(40)  not null,
    channel       varchar(12)  not null,                     -- REST, DROPBOX, REMOTE_SFTP
    file_name     varchar(255),
    size_bytes    bigint,
    sha256        char(64),
    status        varchar(12)  not null,                     -- IN_PROGRESS, COMPLETED, UNREADABLE
    reason        text,                                      -- why a file could not be read
    records       integer,
    accepted      integer,
    duplicate     integer,
    stale         integer,
    rejected      integer,
    received_at   timestamptz  not null,
    completed_at  timestamptz
);
-- a file re-read after a crash resumes its unfinished submission
create index partner_submission_file_idx on partner_submission (partner_code, file_name, sha256);

-- The receipt (回执): the outcome of every record of a submission, stored one row per chunk of
-- records (arrays, in line order) and written in the same transaction as the chunk's effect, so a
-- resumed file skips exactly the records already done. One row per chunk instead of one per record
-- keeps a 100,000-record file fast; the view submission_record shows one row per record.
create table submission_chunk (
    submission_id   bigint     not null references partner_submission (id),
    first_line      integer    not null,
    last_line       integer    not null,
    line_nos        integer[]  not null,                     -- CSV: the line in the file; XML/JSON: position
    kinds           text[]     not null,
    certificate_nos text[]     not null,
    outcomes        text[]     not null,                     -- ACCEPTED, DUPLICATE, STALE, REJECTED
    reason_codes    text[]     not null,                     -- ';'-separated codes per record
    reasons_zh      text[]     not null,
    reasons_en      text[]     not null,
    primary key (submission_id, first_line)
);

create view submission_record as
select c.submission_id, r.line_no, r.kind, r.certificate_no, r.outcome, r.reason_code, r.reason_zh, r.reason_en
from submission_chunk c,
     unnest(c.line_nos, c.kinds, c.certificate_nos, c.outcomes, c.reason_codes, c.reasons_zh, c.reasons_en)
       as r (line_no, kind, certificate_no, outcome, reason_code, reason_zh, reason_en);

-- Camel's JdbcMessageIdRepository / JdbcOrphanLockAwareIdempotentRepository (camel-sql), with
-- longer ids than its own default DDL: which partner files were ingested, and which are claimed
-- by an instance right now (processorName tells the two apart).
create table camel_messageprocessed (
    processorName varchar(255) not null,
    messageId     varchar(1000) not null,
    createdAt     timestamp    not null,
    primary key (processorName, messageId)
);
