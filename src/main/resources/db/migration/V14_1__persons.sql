-- Persons log in as themselves (issue 15): one account per clerk, operator, agency supervisor,
-- auditor and administrator. Machine clients (channels, partners, agencies) keep API keys.

create table account (
    id                bigserial primary key,
    username          varchar(64)  not null unique,      -- what the person types at /login
    display_name      varchar(100) not null,
    role              varchar(16)  not null,             -- CLERK, OPERATOR, SUPERVISOR, AUDITOR, ADMIN
    service_centre    varchar(40),                       -- a clerk's 政务服务中心 (their cases)
    agency            varchar(40),                       -- a supervisor's agency (its items)
    password_hash     varchar(200),                      -- {argon2}…; null for an account that logs in elsewhere
    -- room for the province's unified identity platform (统一身份认证): the platform's name
    -- and the person's subject there, matched at login instead of a password
    identity_provider varchar(40),
    external_subject  varchar(200),
    enabled           boolean      not null default true,
    failed_attempts   integer      not null default 0,   -- consecutive, reset by a good login
    locked_until      timestamptz,                       -- back-off after failed attempts
    last_login_at     timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    constraint account_role_check check (role in ('CLERK', 'OPERATOR', 'SUPERVISOR', 'AUDITOR', 'ADMIN')),
    constraint account_clerk_centre check (role <> 'CLERK' or service_centre is not null),
    constraint account_supervisor_agency check (role <> 'SUPERVISOR' or agency is not null),
    unique (identity_provider, external_subject)
);

-- Spring Session JDBC: the logged-in sessions, shared by every hub instance (its own schema,
-- as spring-session-jdbc ships it for PostgreSQL)
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
