package cn.shanxi.lianban.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes cases and their rows; callers hold the transaction. */
@Component
public class CaseRecords {

	/**
	 * Case numbers: SX + yyyyMMdd + a serial of at least 6 digits from one sequence,
	 * never reused.
	 */
	private static final String INSERT_CASE = """
			insert into case_file (case_no, status, channel, client_id, deceased_id_number, deceased_name,
			    applicant_id_number, applicant_phone, form, created_at, updated_at)
			values (? || lpad(nextval('case_no_seq')::text, 6, '0'), ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
			returning id, case_no
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	CaseRecords(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	public NewCase.Stored insert(NewCase c) {
		Timestamp now = Timestamp.from(this.clock.instant());
		NewCase.Stored stored = this.jdbc.sql(INSERT_CASE)
			.params(c.datePrefix(), c.status().name(), c.channel(), c.clientId(), c.deceasedIdNumber(),
					c.deceasedName(), c.applicantIdNumber(), c.applicantPhone(), c.formJson(), now, now)
			.query((rs, n) -> new NewCase.Stored(rs.getLong(1), rs.getString(2)))
			.single();
		List<RequestedItem> items = c.requestedItems();
		this.batch.batchUpdate("insert into case_requested_item (case_id, item) values (?, ?)", items, items.size(),
				(ps, item) -> {
					ps.setLong(1, stored.id());
					ps.setString(2, item.name());
				});
		List<NewCase.NewWorkItem> work = c.workItems();
		this.batch.batchUpdate("""
				insert into work_item (case_id, type, agency, status, requested, reason, created_at, updated_at)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
				""", work, work.size(), (ps, w) -> {
			ps.setLong(1, stored.id());
			ps.setString(2, w.type());
			ps.setString(3, w.agency());
			ps.setString(4, w.status());
			ps.setBoolean(5, w.requested());
			ps.setString(6, w.reasonJson());
			ps.setTimestamp(7, now);
			ps.setTimestamp(8, now);
		});
		return stored;
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
