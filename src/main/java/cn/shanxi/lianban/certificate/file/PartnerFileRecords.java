package cn.shanxi.lianban.certificate.file;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import cn.shanxi.lianban.certificate.SubmissionLog.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What became of each partner file, beside its records' receipt lines (table
 * {@code partner_submission}, one row per file): where its receipt was written, or why
 * and where it was set aside — what {@code GET /api/v1/partner-files} shows the
 * operators.
 */
@Component
class PartnerFileRecords {

	private final JdbcClient jdbc;

	private final Clock clock;

	PartnerFileRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The file was taken in and its receipt written under this name. */
	void receipted(long submissionId, String receiptName) {
		this.jdbc.sql("update partner_submission set receipt_name = :receipt where id = :id")
			.param("receipt", receiptName)
			.param("id", submissionId)
			.update();
	}

	/**
	 * The file was set aside into {@code error/}: one row saying why. A file stopped
	 * midway by an unexpected error already has its unfinished row: that row says it.
	 * @return the row's id (the reference a partner can quote)
	 */
	long setAside(String partnerCode, Channel channel, String fileName, Long size, String sha256, FileStatus status,
			FileReason reason, String errorName) {
		Timestamp now = Timestamp.from(this.clock.instant());
		if (status == FileStatus.FAILED && sha256 != null) {
			Optional<Long> unfinished = outcome(
					"""
							update partner_submission set status = :status, reason = :reason, reason_code = :code, reason_zh = :zh,
							  reason_en = :en, error_name = :error, completed_at = :now
							where id = (select id from partner_submission where partner_code = :partner and file_name = :name
							            and sha256 = :sha and status = 'IN_PROGRESS' order by id desc limit 1)
							returning id
							""",
					status, reason, errorName, now)
				.param("partner", partnerCode)
				.param("name", fileName)
				.param("sha", sha256)
				.query(Long.class)
				.optional();
			if (unfinished.isPresent()) {
				return unfinished.get();
			}
		}
		return outcome("""
				insert into partner_submission (partner_code, channel, file_name, size_bytes, sha256, status, reason,
				  reason_code, reason_zh, reason_en, error_name, received_at, completed_at)
				values (:partner, :channel, :name, :size, :sha, :status, :reason, :code, :zh, :en, :error, :now, :now)
				returning id
				""", status, reason, errorName, now).param("partner", partnerCode)
			.param("channel", channel.name())
			.param("name", fileName)
			.param("size", size)
			.param("sha", sha256)
			.query(Long.class)
			.single();
	}

	/** A statement recording an outcome, its outcome bound. */
	private JdbcClient.StatementSpec outcome(String sql, FileStatus status, FileReason reason, String errorName,
			Timestamp now) {
		return this.jdbc.sql(sql)
			.param("status", status.name())
			.param("reason", reason.zh() + " / " + reason.en())
			.param("code", reason.code())
			.param("zh", reason.zh())
			.param("en", reason.en())
			.param("error", errorName)
			.param("now", now);
	}

}
