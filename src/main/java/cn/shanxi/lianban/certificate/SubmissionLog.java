package cn.shanxi.lianban.certificate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What partners sent and what became of each record: the receipts, kept in the database
 * so that a file re-read after a crash resumes where it stopped and answers the same.
 */
@Component
public class SubmissionLog {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	SubmissionLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	/**
	 * The unfinished submission of this very file (same partner, name and content) if the
	 * hub stopped in the middle of it, else a new one.
	 */
	Submission begin(String partnerCode, Channel channel, String fileName, Long size, String sha256) {
		Optional<Submission> unfinished = (fileName == null) ? Optional.empty() : this.jdbc.sql("""
				select s.id, coalesce((select max(last_line) from submission_chunk c where c.submission_id = s.id), 0)
				from partner_submission s
				where s.partner_code = ? and s.file_name = ? and s.sha256 = ? and s.status = 'IN_PROGRESS'
				order by s.id limit 1
				""")
			.params(partnerCode, fileName, sha256)
			.query((rs, i) -> new Submission(rs.getLong(1), partnerCode, rs.getInt(2)))
			.optional();
		return unfinished.orElseGet(() -> new Submission(this.jdbc
			.sql("""
					insert into partner_submission (partner_code, channel, file_name, size_bytes, sha256, status, received_at)
					values (?, ?, ?, ?, ?, 'IN_PROGRESS', ?) returning id
					""")
			.params(partnerCode, channel.name(), fileName, size, sha256, Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single(), partnerCode, 0));
	}

	/**
	 * Records the receipt lines of one chunk (in line order), in the chunk's transaction.
	 */
	void recordLines(long submissionId, List<ReceiptLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		this.jdbcTemplate.execute((Connection con) -> {
			int n = lines.size();
			Integer[] lineNo = new Integer[n];
			String[] kind = new String[n], no = new String[n], outcome = new String[n], code = new String[n],
					zh = new String[n], en = new String[n];
			for (int i = 0; i < n; i++) {
				ReceiptLine l = lines.get(i);
				lineNo[i] = l.lineNo();
				kind[i] = l.kind();
				no[i] = l.certificateNo();
				outcome[i] = l.outcome().name();
				code[i] = l.reasonCodes();
				zh[i] = l.reasonsZh();
				en[i] = l.reasonsEn();
			}
			try (PreparedStatement ps = con.prepareStatement(
					"""
							insert into submission_chunk (submission_id, first_line, last_line, line_nos, kinds, certificate_nos,
							  outcomes, reason_codes, reasons_zh, reasons_en) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
							""")) {
				ps.setLong(1, submissionId);
				ps.setInt(2, lineNo[0]);
				ps.setInt(3, lineNo[n - 1]);
				ps.setArray(4, con.createArrayOf("int4", lineNo));
				int p = 5;
				for (Object[] values : new Object[][] { kind, no, outcome, code, zh, en }) {
					ps.setArray(p++, con.createArrayOf("text", values));
				}
				ps.executeUpdate();
			}
			return null;
		});
	}

	/**
	 * Closes a submission with its counts (from the outcomes alone: unnesting the other
	 * arrays of 100,000 lines as the view does would cost more than the count).
	 */
	Counts complete(long submissionId) {
		Counts counts = this.jdbc
			.sql("""
					select count(*), count(*) filter (where outcome = 'ACCEPTED'), count(*) filter (where outcome = 'DUPLICATE'),
					  count(*) filter (where outcome = 'STALE'), count(*) filter (where outcome = 'REJECTED')
					from submission_chunk c, unnest(c.outcomes) as r (outcome) where c.submission_id = ?
					""")
			.param(submissionId)
			.query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.single();
		this.jdbc.sql("""
				update partner_submission set status = 'COMPLETED', records = ?, accepted = ?, duplicate = ?, stale = ?,
				  rejected = ?, completed_at = ? where id = ?
				""")
			.params(counts.records(), counts.accepted(), counts.duplicate(), counts.stale(), counts.rejected(),
					Timestamp.from(this.clock.instant()), submissionId)
			.update();
		return counts;
	}

	/** A file that could not be read at all. */
	public void unreadable(String partnerCode, Channel channel, String fileName, Long size, String sha256,
			String reason) {
		this.jdbc.sql("""
				insert into partner_submission (partner_code, channel, file_name, size_bytes, sha256, status, reason,
				  received_at, completed_at) values (?, ?, ?, ?, ?, 'UNREADABLE', ?, ?, ?)
				""")
			.params(partnerCode, channel.name(), fileName, size, sha256, reason, Timestamp.from(this.clock.instant()),
					Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Streams a submission's receipt lines in order: line, certificate, outcome, reasons.
	 */
	public void receipt(long submissionId, Consumer<String[]> line) {
		this.jdbcTemplate.query("""
				select line_no, certificate_no, outcome, reason_code, reason_zh, reason_en
				from submission_record where submission_id = ? order by line_no
				""", (rs) -> {
			line.accept(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6) });
		}, submissionId);
	}

	/** Where a submission came in. */
	public enum Channel {

		REST, DROPBOX, REMOTE_SFTP

	}

	/**
	 * @param linesDone the last line already recorded (a resumed file skips up to it)
	 */
	record Submission(long id, String partnerCode, int linesDone) {
	}

	/** How many records of a submission came out how. */
	public record Counts(int records, int accepted, int duplicate, int stale, int rejected) {
	}

}
