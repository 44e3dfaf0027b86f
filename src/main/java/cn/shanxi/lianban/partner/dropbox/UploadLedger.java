package cn.shanxi.lianban.partner.dropbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The uploads under way on the drop-box, in PostgreSQL (table {@code partner_upload}), so
 * that every hub instance polling the same folders knows what any instance's SFTP server
 * is writing — an upload tracked only in memory protects nothing from a second instance —
 * and so that an upload whose hub died in the middle is still known for what it is. Times
 * are the database's, the one clock all instances share.
 */
public final class UploadLedger {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	public UploadLedger(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** A partner opened the file for writing: it is being written. */
	void opened(String partnerCode, Path file) {
		this.jdbc.sql("""
				insert into partner_upload (path, partner_code, state, opened_at, alive_at)
				values (:path, :partner, 'WRITING', now(), now())
				on conflict (path) do update set partner_code = excluded.partner_code, state = 'WRITING',
				  reason_code = null, opened_at = now(), alive_at = now(), closed_at = null, size_bytes = null,
				  modified_ms = null
				""").param("path", key(file)).param("partner", partnerCode).update();
	}

	/** Its writer closed it: this is the file as written. */
	void closed(Path file, long size, long modifiedMillis) {
		this.jdbc
			.sql("""
					update partner_upload set state = 'CLOSED', closed_at = now(), size_bytes = :size, modified_ms = :modified
					where path = :path and state = 'WRITING'
					""")
			.param("path", key(file))
			.param("size", size)
			.param("modified", modifiedMillis)
			.update();
	}

	/**
	 * The attributes of a closed upload changed (a client setting the time it had on the
	 * partner's machine): the file as closed is now this.
	 */
	void touched(Path file, long size, long modifiedMillis) {
		this.jdbc
			.sql("""
					update partner_upload set size_bytes = :size, modified_ms = :modified where path = :path and state = 'CLOSED'
					""")
			.param("path", key(file))
			.param("size", size)
			.param("modified", modifiedMillis)
			.update();
	}

	/** The upload was cut off: the file is never read (it is set aside next). */
	void interrupted(Path file, String reasonCode) {
		this.jdbc
			.sql("""
					update partner_upload set state = 'INTERRUPTED', reason_code = :reason, closed_at = now() where path = :path
					""")
			.param("path", key(file))
			.param("reason", reasonCode)
			.update();
	}

	/** A rename: what is known of the file goes with it (a row of the target goes). */
	void moved(Path from, Path to) {
		this.transaction.executeWithoutResult((status) -> {
			if (this.jdbc.sql("select count(*) from partner_upload where path = :from")
				.param("from", key(from))
				.query(Integer.class)
				.single() > 0) {
				this.jdbc.sql("delete from partner_upload where path = :to").param("to", key(to)).update();
				this.jdbc.sql("update partner_upload set path = :to where path = :from")
					.param("from", key(from))
					.param("to", key(to))
					.update();
			}
		});
	}

	/** The file is gone (deleted by its partner, taken in, set aside). */
	public void forget(Path file) {
		this.jdbc.sql("delete from partner_upload where path = :path").param("path", key(file)).update();
	}

	/** Renews the uploads this instance is writing: their session lives. */
	void keepAlive(Collection<Path> files) {
		if (files.isEmpty()) {
			return;
		}
		this.jdbc.sql("update partner_upload set alive_at = now() where state = 'WRITING' and path = any(:paths)")
			.param("paths", files.stream().map(UploadLedger::key).toArray(String[]::new))
			.update();
	}

	/** What is known of an upload of this file, if it came through the drop-box. */
	public Optional<Upload> find(Path file) {
		return this.jdbc
			.sql("""
					select path, partner_code, state, reason_code, size_bytes, modified_ms from partner_upload where path = :path
					""")
			.param("path", key(file))
			.query(UploadLedger::upload)
			.optional();
	}

	/**
	 * Uploads still marked as being written whose session has given no sign of life for
	 * {@code after}: their hub stopped in the middle (a live session is renewed, and one
	 * idle too long is closed, which ends the mark).
	 */
	public List<Upload> silentFor(Duration after) {
		return this.jdbc.sql("""
				select path, partner_code, state, reason_code, size_bytes, modified_ms from partner_upload
				where state = 'WRITING' and alive_at < now() - make_interval(secs => :seconds)
				""").param("seconds", after.toMillis() / 1000.0).query(UploadLedger::upload).list();
	}

	/** Every row of a path under {@code root}, for the housekeeping of vanished files. */
	public List<Upload> all() {
		return this.jdbc
			.sql("select path, partner_code, state, reason_code, size_bytes, modified_ms from partner_upload")
			.query(UploadLedger::upload)
			.list();
	}

	private static Upload upload(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long size = rs.getLong(5);
		Long sizeBytes = rs.wasNull() ? null : size;
		long modified = rs.getLong(6);
		Long modifiedMillis = rs.wasNull() ? null : modified;
		return new Upload(Path.of(rs.getString(1)), rs.getString(2), State.valueOf(rs.getString(3)), rs.getString(4),
				sizeBytes, modifiedMillis);
	}

	static String key(Path file) {
		return file.toAbsolutePath().normalize().toString();
	}

	/** What the ledger knows of one upload. */
	public record Upload(Path path, String partnerCode, State state, String reasonCode, Long sizeBytes,
			Long modifiedMillis) {

		/** Closed by its writer, and the file is still exactly as it was closed. */
		public boolean closedAndUnchanged(long size, long modifiedMillis) {
			return this.state == State.CLOSED && this.sizeBytes != null && this.sizeBytes == size
					&& this.modifiedMillis != null && this.modifiedMillis == modifiedMillis;
		}

	}

	/** Where an upload stands. */
	public enum State {

		/** Open for writing by a partner. */
		WRITING,

		/** Closed by its writer. */
		CLOSED,

		/** Cut off: set aside as {@code <name>.interrupted}, never read. */
		INTERRUPTED

	}

}
