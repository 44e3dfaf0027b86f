package cn.shanxi.lianban.certificate.file;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner files the hub took in or set aside, newest first, for the operators
 * ({@code GET /api/v1/partner-files}): one entry per file (drop folder, SFTP drop-box,
 * partner's own SFTP server), with its outcome counts and receipt, or why and where it
 * was set aside — cut-off uploads and abandoned temporary files included.
 */
@Component
class PartnerFileListing {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	PartnerFileListing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page find(Query query) {
		StringBuilder where = new StringBuilder("channel <> 'REST'");
		List<Object> params = new ArrayList<>();
		if (query.partner() != null) {
			where.append(" and partner_code = ?");
			params.add(query.partner());
		}
		if (query.statuses() != null) {
			where.append(" and status = any(?)");
			params.add(query.statuses());
		}
		long total = this.jdbc.sql("select count(*) from partner_submission where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(query.size());
		pageParams.add((long) query.page() * query.size());
		List<PartnerFile> files = this.jdbc
			.sql("""
					select id, partner_code, channel, file_name, size_bytes, sha256, status, received_at, completed_at, records,
					  accepted, duplicate, stale, rejected, receipt_name, error_name, reason_code, coalesce(reason_zh, reason),
					  reason_en
					from partner_submission where %s order by received_at desc, id desc limit ? offset ?
					"""
				.formatted(where))
			.params(pageParams)
			.query(PartnerFileListing::file)
			.list();
		return new Page(query.page(), query.size(), total, files);
	}

	private static PartnerFile file(ResultSet rs, int row) throws SQLException {
		FileStatus status = FileStatus.valueOf(rs.getString(7));
		Counts counts = (status == FileStatus.COMPLETED)
				? new Counts(rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14)) : null;
		Reason reason = status.setAside() ? new Reason(rs.getString(17), rs.getString(18), rs.getString(19)) : null;
		long size = rs.getLong(5);
		return new PartnerFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.wasNull() ? null : size, rs.getString(6), State.of(status), status, time(rs.getTimestamp(8)),
				time(rs.getTimestamp(9)), counts, rs.getString(15), status.setAside() ? rs.getString(16) : null,
				reason);
	}

	private static OffsetDateTime time(java.sql.Timestamp t) {
		return (t != null) ? t.toInstant().atZone(CHINA).toOffsetDateTime() : null;
	}

	/**
	 * What an operator asks for.
	 *
	 * @param statuses the statuses wanted ({@code null}: all)
	 */
	record Query(String partner, String[] statuses, int page, int size) {
	}

	/** One page of the listing. */
	record Page(int page, int size, long total, List<PartnerFile> files) {
	}

	/**
	 * One partner file.
	 *
	 * @param receipt where its receipt is, relative to the partner's folder (taken in
	 * only)
	 * @param errorFile where it was set aside, relative to the partner's folder (set
	 * aside only)
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record PartnerFile(long id, String partner, String channel, String name, Long sizeBytes, String sha256, State state,
			FileStatus status, OffsetDateTime receivedAt, OffsetDateTime completedAt, Counts counts, String receipt,
			String errorFile, Reason reason) {
	}

	/** The outcome of a file's records (a file taken in). */
	record Counts(int records, int accepted, int duplicate, int stale, int rejected) {
	}

	/** Why a file was set aside: a code for programs, Chinese, English. */
	record Reason(String code, String zh, String en) {
	}

	/**
	 * Where a file stands, coarsely; {@code status} says it exactly.
	 */
	enum State {

		/** Being taken in (or stopped midway by a crash, to be resumed). */
		IN_PROGRESS(FileStatus.IN_PROGRESS),

		/** Taken in, its receipt written. */
		RECEIPTED(FileStatus.COMPLETED),

		/** Set aside into {@code error/} with its reason. */
		ERROR(FileStatus.UNREADABLE, FileStatus.INTERRUPTED, FileStatus.EXPIRED, FileStatus.FAILED);

		private final FileStatus[] statuses;

		State(FileStatus... statuses) {
			this.statuses = statuses;
		}

		String[] statuses() {
			String[] names = new String[this.statuses.length];
			for (int i = 0; i < names.length; i++) {
				names[i] = this.statuses[i].name();
			}
			return names;
		}

		static State of(FileStatus status) {
			for (State state : values()) {
				for (FileStatus s : state.statuses) {
					if (s == status) {
						return state;
					}
				}
			}
			throw new IllegalArgumentException(status.name());
		}

	}

}
