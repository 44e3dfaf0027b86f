package cn.shanxi.lianban.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.shanxi.lianban.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes cases and their rows; callers hold the transaction. */
@Component
public class CaseRecords {

	/**
	 * The case, its requested items, its work items and its first timeline events in one
	 * round trip (data-modifying CTEs), answering the work items' ids in the order given.
	 * Case numbers: SX + yyyyMMdd + a serial of at least 6 digits from one sequence,
	 * never reused.
	 */
	private static final String INSERT_CASE = """
			with c as (
			  insert into case_file (case_no, status, channel, client_id, deceased_id_number, deceased_name,
			      applicant_id_number, applicant_phone, form, created_at, updated_at, service_centre, access_code_sha256)
			  values (? || lpad(nextval('case_no_seq')::text, 6, '0'), ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
			  returning id, case_no),
			r as (
			  insert into case_requested_item (case_id, item)
			  select c.id, item from c, unnest(cast(? as varchar[])) as item),
			w as (
			  insert into work_item (case_id, type, agency, status, requested, reason, created_at, updated_at)
			  select c.id, t.type, t.agency, t.status, t.requested, cast(t.reason as jsonb), ?, ?
			  from c, unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as boolean[]),
			      cast(? as text[])) with ordinality as t(type, agency, status, requested, reason, n)
			  order by t.n
			  returning id),
			e as (
			  insert into case_event (case_id, at, type, source, detail)
			  select c.id, ?, e.type, e.source, cast(e.detail as jsonb)
			  from c, unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as text[])) with ordinality as e(type, source, detail, n)
			  order by e.n),
			"""
			+ AuditEntry.cteSelectingCaseNo("a", "c") + """
					select c.id, c.case_no, array(select id from w order by id) from c
					""";

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The case, its rows, who may read it ({@code ownership}) and the audit entry of its
	 * creation ({@code created}, its case number the new one's), in one round trip.
	 */
	public NewCase.Stored insert(NewCase c, CaseOwnership ownership, AuditEntry created) {
		// PostgreSQL keeps microseconds: the time the answer shows is the time stored
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Timestamp now = Timestamp.from(at);
		List<NewCase.NewWorkItem> work = c.workItems();
		List<NewCase.NewEvent> events = c.events();
		List<Object> params = new java.util.ArrayList<>(java.util.Arrays.asList(c.datePrefix(), c.status().name(),
				c.channel(), c.clientId(), c.deceasedIdNumber(), c.deceasedName(), c.applicantIdNumber(),
				c.applicantPhone(), c.formJson(), now, now, ownership.serviceCentre(), ownership.accessCodeSha256(),
				c.requestedItems().stream().map(Enum::name).toArray(String[]::new), now, now,
				work.stream().map(NewCase.NewWorkItem::type).toArray(String[]::new),
				work.stream().map(NewCase.NewWorkItem::agency).toArray(String[]::new),
				work.stream().map(NewCase.NewWorkItem::status).toArray(String[]::new),
				work.stream().map(NewCase.NewWorkItem::requested).toArray(Boolean[]::new),
				work.stream().map(NewCase.NewWorkItem::reasonJson).toArray(String[]::new), now,
				events.stream().map(NewCase.NewEvent::type).toArray(String[]::new),
				events.stream().map(NewCase.NewEvent::source).toArray(String[]::new),
				events.stream().map(NewCase.NewEvent::detailJson).toArray(String[]::new)));
		params.addAll(created.valuesWithoutCaseNo());
		return this.jdbc.sql(INSERT_CASE)
			.params(params)
			.query((rs, n) -> stored(rs.getLong(1), rs.getString(2), (Long[]) rs.getArray(3).getArray(), work, at))
			.single();
	}

	private static NewCase.Stored stored(long caseId, String caseNo, Long[] ids, List<NewCase.NewWorkItem> work,
			Instant at) {
		List<WorkItems.Row> rows = new java.util.ArrayList<>(work.size());
		for (int i = 0; i < work.size(); i++) {
			NewCase.NewWorkItem w = work.get(i);
			rows.add(new WorkItems.Row(ids[i], caseId, w.type(), w.agency(), WorkItemStatus.valueOf(w.status()),
					w.requested()));
		}
		return new NewCase.Stored(caseId, caseNo, List.copyOf(rows), at);
	}

	/**
	 * Moves a case to a new status, with the reason a family reads (Chinese / English).
	 */
	public void changeStatus(long caseId, CaseStatus status, String reason) {
		CaseChanges.mark(caseId);
		this.jdbc.sql("update case_file set status = ?, status_reason = ?, updated_at = ? where id = ?")
			.params(status.name(), reason, Timestamp.from(this.clock.instant()), caseId)
			.update();
	}

	/** A case found for someone entitled to it. */
	public record Found(long id, CaseStatus status) {
	}

	/** The case, if {@code access} lets its actor at it. */
	public java.util.Optional<Found> find(String caseNo, CaseAccess access) {
		List<Object> params = new java.util.ArrayList<>();
		params.add(caseNo);
		params.addAll(access.params());
		return this.jdbc
			.sql("select c.id, c.status from case_file c where c.case_no = ? and (" + access.condition() + ")")
			.params(params)
			.query((rs, n) -> new Found(rs.getLong(1), CaseStatus.valueOf(rs.getString(2))))
			.optional();
	}

	public java.util.Optional<Long> idOf(String caseNo) {
		return this.jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).optional();
	}

}
