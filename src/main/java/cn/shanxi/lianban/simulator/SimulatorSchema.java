package cn.shanxi.lianban.simulator;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pretend agencies' own tables — what they received, what they refused, how they
 * behave — and the housing fund centre's staging table in the centre's own schema. Not
 * the hub's schema (no Flyway): a real agency has its own. Created at start under an
 * advisory lock, so hub instances starting together do not trip over each other.
 */
final class SimulatorSchema {

	private static final long LOCK = 0x4c42_5349_4d55_4cL;

	private static final List<String> DDL = List.of("create schema if not exists agency_simulator", """
			create table if not exists agency_simulator.received_message (
			    agency     varchar(40)  not null,
			    dedup_key  varchar(100) not null,
			    transport  varchar(8)   not null,
			    file_name  varchar(200),
			    message_id varchar(100),
			    sha256     char(64),
			    first_at   timestamptz  not null,
			    last_at    timestamptz  not null,
			    repeats    integer      not null default 0,
			    primary key (agency, dedup_key))
			""", """
			create table if not exists agency_simulator.rejected_message (
			    id        bigserial primary key,
			    agency    varchar(40) not null,
			    transport varchar(8)  not null,
			    file_name varchar(200),
			    errors    text        not null,
			    content   bytea,
			    at        timestamptz not null)
			""", """
			create table if not exists agency_simulator.control (
			    agency   varchar(40) primary key,
			    mode     varchar(8)  not null,
			    delay_ms integer     not null)
			""", "create schema if not exists housing_fund_centre", """
			create table if not exists housing_fund_centre.lb_gjj_tqsq (
			    id               bigserial primary key,
			    ref_no           varchar(64)  not null unique,
			    case_no          varchar(24)  not null,
			    name             varchar(100) not null,
			    id_no            varchar(18)  not null,
			    deposit_place    varchar(100) not null,
			    employer_account varchar(30),
			    pay_account      varchar(30)  not null,
			    pay_bank         varchar(100),
			    bank_code        varchar(12),
			    death_date       date         not null,
			    applicant_name   varchar(100) not null,
			    applicant_id_no  varchar(18)  not null,
			    applicant_phone  varchar(20),
			    relation         varchar(2),
			    status           varchar(2)   not null,
			    created_at       timestamp    not null,
			    received_at      timestamptz  not null default now(),
			    checked          boolean      not null default false)
			""", """
			create index if not exists lb_gjj_tqsq_unchecked_idx on housing_fund_centre.lb_gjj_tqsq (id)
			where not checked
			""", """
			create or replace function agency_simulator.staging_gate() returns trigger language plpgsql as $$
			declare
			    c record;
			begin
			    select mode, delay_ms into c from agency_simulator.control where agency = tg_argv[0];
			    if found and c.mode = 'DOWN' then
			        raise exception 'agency % is down (simulated)', tg_argv[0];
			    end if;
			    if found and c.delay_ms > 0 then
			        perform pg_sleep(c.delay_ms / 1000.0);
			    end if;
			    return new;
			end $$
			""", "drop trigger if exists staging_gate on housing_fund_centre.lb_gjj_tqsq", """
			create trigger staging_gate before insert on housing_fund_centre.lb_gjj_tqsq
			for each row execute function agency_simulator.staging_gate('HOUSING_FUND')
			""");

	private SimulatorSchema() {
	}

	static void create(JdbcTemplate jdbc, TransactionTemplate tx) {
		tx.executeWithoutResult((status) -> {
			jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
			DDL.forEach(jdbc::execute);
		});
	}

}
