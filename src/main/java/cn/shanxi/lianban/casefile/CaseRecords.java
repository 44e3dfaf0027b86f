package cn.shanxi.lianban.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes cases and their rows; callers hold the transaction. */
@Component
public class CaseRecords {

	/**
	 * The case, its requested items and its work items in one round trip (data-modifying
	 * CTEs). Case numbers: SX + yyyyMMdd + a serial of at least 6 digits from one
	 * sequence, never reused.
	 */
	private static final String INSERT_CASE = """
			with c as (
			  insert into case_file (case_no, status, channel, client_id, deceased_id_number, deceased_name,
			      applicant_id_number, applicant_phone, form, created_at, updated_at)
			  values (? || lpad(nextval('case_no_seq')::text, 6, '0'), ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
			  returning id, case_no),
			r as (
			  insert into case_requested_item (case_id, item)
			  select c.id, item from c, unnest(cast(? as varchar[])) as item),
			w as (
			  insert into work_item (case_id, type, agency, status, requested, reason, created_at, updated_at)
			  select c.id, t.type, t.agency, t.status, t.requested, cast(t.reason as jsonb), ?, ?
			  from c, unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as boolean[]),
			      cast(? as text[])) as t(type, agency, status, requested, reason))
			select id, case_no from c
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public NewCase.Stored insert(NewCase c) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<NewCase.NewWorkItem> work = c.workItems();
		return this.jdbc.sql(INSERT_CASE)
			.params(c.datePrefix(), c.status().name(), c.channel(), c.clientId(), c.deceasedIdNumber(),
					c.deceasedName(), c.applicantIdNumber(), c.applicantPhone(), c.formJson(), now, now,
					c.requestedItems().stream().map(Enum::name).toArray(String[]::new), now, now,
					work.stream().map(NewCase.NewWorkItem::type).toArray(String[]::new),
					work.stream().map(NewCase.NewWorkItem::agency).toArray(String[]::new),
					work.stream().map(NewCase.NewWorkItem::status).toArray(String[]::new),
					work.stream().map(NewCase.NewWorkItem::requested).toArray(Boolean[]::new),
					work.stream().map(NewCase.NewWorkItem::reasonJson).toArray(String[]::new))
			.query((rs, n) -> new NewCase.Stored(rs.getLong(1), rs.getString(2)))
			.single();
	}

	/**
	 * Moves a case to a new status, with the reason a family reads (Chinese / English).
	 */
	public void changeStatus(long caseId, CaseStatus status, String reason) {
		this.jdbc.sql("update case_file set status = ?, status_reason = ?, updated_at = ? where id = ?")
			.params(status.name(), reason, Timestamp.from(this.clock.instant()), caseId)
			.update();
	}

	public java.util.Optional<Long> idOf(String caseNo) {
		return this.jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).optional();
	}

}
