-- The family's application (附件2) and the case it opens.
-- Later migrations add certificates (V2), work items and the outbox (V3), replies and time limits (V4).

create sequence case_no_seq;

create table case_file (
    id                  bigserial primary key,
    case_no             varchar(24)  not null unique,      -- SX + yyyyMMdd + serial, sortable
    status              varchar(32)  not null,             -- RECEIVED, AWAITING_CERTIFICATE, IN_PROGRESS, ...
    status_reason       text,                              -- why REJECTED / ON_HOLD, Chinese + English
    channel             varchar(20)  not null,             -- WEB, MINI_PROGRAM, APP, WINDOW (from the credential)
    client_id           varchar(64)  not null,             -- which API client submitted it
    deceased_id_number  varchar(18)  not null,             -- matching key for certificates
    deceased_name       varchar(100) not null,
    applicant_id_number varchar(18)  not null,
    applicant_phone     varchar(32)  not null,
    form                jsonb        not null,             -- the whole form as accepted (normalised)
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index case_file_deceased_idx on case_file (deceased_id_number);
create index case_file_status_idx on case_file (status, created_at);

-- 申请办理事项: the items the family ticked
create table case_requested_item (
    case_id bigint      not null references case_file (id),
    item    varchar(40) not null,
    primary key (case_id, item)
);

-- 申请材料: ID card / household register page scans
create table case_attachment (
    id           bigserial primary key,
    case_id      bigint       not null references case_file (id),
    kind         varchar(40)  not null,                    -- DECEASED_ID_DOCUMENT, APPLICANT_ID_DOCUMENT, OTHER
    file_name    varchar(255),
    content_type varchar(60)  not null,                    -- decided from the content, not the caller
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    content      bytea        not null,
    uploaded_at  timestamptz  not null
);
create index case_attachment_case_idx on case_attachment (case_id);

-- The case's timeline: everything that happened to it, in order
create table case_event (
    id      bigserial primary key,
    case_id bigint       not null references case_file (id),
    at      timestamptz  not null,
    type    varchar(48)  not null,
    source  varchar(64)  not null,                         -- who caused it: a channel, a partner, an agency, the hub
    detail  jsonb
);
create index case_event_case_idx on case_event (case_id, id);

-- Idempotency-Key: a retried request gets the first answer back
create table idempotency_record (
    client_id      varchar(64)  not null,
    idem_key       varchar(200) not null,
    request_sha256 char(64)     not null,
    case_no        varchar(24)  not null,
    response_body  text         not null,             -- the first answer, byte for byte
    created_at     timestamptz  not null,
    primary key (client_id, idem_key)
);

-- One work item per agency task, created with the case from the rule table (status PENDING, or
-- OFFLINE_REQUIRED when the rules send it to the window). Dispatch (V3) sends them.
create table work_item (
    id             bigserial primary key,
    case_id        bigint       not null references case_file (id),
    type           varchar(48)  not null,                  -- HUKOU_CANCELLATION, DIBAO_STOP, ...
    agency         varchar(40)  not null,                  -- POLICE_HUKOU, CIVIL_AFFAIRS, ...
    status         varchar(24)  not null,                  -- PENDING, SENT, ACCEPTED, DONE, REJECTED, OFFLINE_REQUIRED, PARKED
    requested      boolean      not null,                  -- ticked by the family, or derived from the situation
    reason         jsonb,                                  -- why OFFLINE_REQUIRED / REJECTED: {rule, seed, zh, en}
    due_at         timestamptz,                            -- 承诺时限, set when the clock starts
    overdue        boolean      not null default false,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    unique (case_id, type)
);
create index work_item_status_idx on work_item (agency, status);

-- Times in answers read in Beijing time (+08:00), whatever the session's time zone.
create function beijing_time(t timestamptz) returns text
    language sql immutable strict
    as $$ select to_char(t at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.US"+08:00"') $$;
