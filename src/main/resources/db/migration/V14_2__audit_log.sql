-- The audit log (issue 15): every read and change of personal data — who, what case, which part,
-- when, from where, why. Append-only (triggers refuse updates, and deletes but the retention
-- purge's), tamper-evident: entries are sealed in the order of their transactions, each seal
-- chaining every entry it covers to the previous seal by HMAC-SHA256 (audit/AuditSeals).

create table audit_entry (
    id           bigserial primary key,
    -- the writing transaction: a seal covers the entries of the transactions that ended before it
    xid          xid8         not null default pg_current_xact_id(),
    at           timestamptz  not null,
    actor_kind   varchar(8)   not null,                  -- PERSON, CLIENT, HUB
    actor_id     varchar(100) not null,                  -- user name or client id
    actor_role   varchar(16),
    on_behalf_of varchar(32),                            -- a channel's person, masked (1401**********0018)
    action       varchar(16)  not null,                  -- READ, CREATE, CHANGE, REVEAL, DENIED, LOGIN, PURGE …
    case_no      varchar(24),
    part         varchar(40)  not null,                  -- CASE, FORM, ATTACHMENT, ID_NUMBER, MESSAGES …
    purpose      text,                                   -- why, where a screen asks (a reveal)
    source_ip    varchar(64),
    detail       jsonb
);
create index audit_entry_xid_idx on audit_entry (xid);
create index audit_entry_case_idx on audit_entry (case_no, at) where case_no is not null;
create index audit_entry_actor_idx on audit_entry (actor_id, at);
-- entries are written in time order: a block range index answers from/to at little cost
create index audit_entry_at_idx on audit_entry using brin (at);

-- A seal: the entries whose transaction id is in [xid_from, xid_to), in id order, each chained
-- to the one before (the first to prev_hash): hash = HMAC(key, … HMAC(key, prev_hash ‖ entry₁) … ‖ entryₙ).
create table audit_seal (
    id          bigserial primary key,
    xid_from    xid8         not null,
    xid_to      xid8         not null,
    entries     integer      not null,
    first_id    bigint       not null,
    last_id     bigint       not null,
    last_at     timestamptz  not null,                   -- the newest entry's time (retention)
    prev_hash   bytea        not null,
    hash        bytea        not null,
    sealed_at   timestamptz  not null
);

-- What the retention purge removed: the seals up to and including seal_id, and the hash the next
-- seal chains to.
create table audit_purge (
    id          bigserial primary key,
    purged_at   timestamptz  not null,
    seal_id     bigint       not null,
    xid_to      xid8         not null,
    entries     bigint       not null,
    older_than  timestamptz  not null,
    anchor_hash bytea        not null
);

create function audit_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('lianban.audit_purge', true) = 'on' then
        return old;
    end if;
    raise exception '% is append-only (审计日志只可追加): % refused', tg_table_name, tg_op;
end $$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_append_only();
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_append_only();
create trigger audit_purge_append_only before update or delete on audit_purge
    for each row execute function audit_append_only();
