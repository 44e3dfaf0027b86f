package cn.shanxi.lianban.simulator;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the pretend agencies received and recognised — each dedup key once, a repeat
 * counted — and what they refused, with the reasons. In the database, so that every hub
 * instance's simulator (and a restarted one) sees the same agency.
 */
public final class ReceivedMessages implements AutoCloseable {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReceiptWriter writer;

	ReceivedMessages(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.writer = new ReceiptWriter(jdbc);
	}

	/**
	 * One work item an agency has.
	 *
	 * @param sha256 of the message or file it came in (its first time)
	 * @param repeats how many times it came again (recognised and dropped)
	 */
	public record Received(String agency, String dedupKey, String transport, String fileName, String messageId,
			String sha256, OffsetDateTime firstAt, int repeats) {
	}

	/** One message an agency refused, and why. */
	public record Rejected(String agency, String transport, String fileName, String errors) {
	}

	/**
	 * Records that an agency got a message or a file with these keys, written with other
	 * messages' ({@link ReceiptWriter}); answers how many of the keys it had already (the
	 * repeats it drops).
	 */
	int received(String agency, String transport, String fileName, String messageId, String sha256,
			List<String> dedupKeys) {
		return this.writer.write(new ReceiptWriter.Receipt(agency, transport, fileName, messageId, sha256, dedupKeys),
				Timestamp.from(this.clock.instant()));
	}

	/**
	 * Records, in the caller's transaction (the staging table's reader, which marks the
	 * rows it read in the same one), that an agency got these keys; answers how many of
	 * them it had already.
	 */
	int record(String agency, String transport, String fileName, String messageId, String sha256,
			List<String> dedupKeys) {
		ReceiptWriter.Receipt receipt = new ReceiptWriter.Receipt(agency, transport, fileName, messageId, sha256,
				dedupKeys);
		return this.writer.writeTogether(List.of(receipt), Timestamp.from(this.clock.instant()))[0];
	}

	void reject(String agency, String transport, String fileName, String errors, byte[] content) {
		this.jdbc.sql("""
				insert into agency_simulator.rejected_message (agency, transport, file_name, errors, content, at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(agency, transport, fileName, errors, content, Timestamp.from(this.clock.instant()))
			.update();
	}

	/** What an agency has, in the order it first got it. */
	public List<Received> of(String agency) {
		return this.jdbc.sql("""
				select agency, dedup_key, transport, file_name, message_id, sha256, first_at, repeats
				from agency_simulator.received_message where agency = ? order by first_at, dedup_key
				""")
			.param(agency)
			.query((rs, n) -> new Received(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getInt(8)))
			.list();
	}

	/** Every agency's record of a dedup key, or none. */
	public List<Received> withKey(String dedupKey) {
		return this.jdbc.sql("""
				select agency, dedup_key, transport, file_name, message_id, sha256, first_at, repeats
				from agency_simulator.received_message where dedup_key = ?
				""")
			.param(dedupKey)
			.query((rs, n) -> new Received(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getInt(8)))
			.list();
	}

	/** What an agency refused. */
	public List<Rejected> rejectedBy(String agency) {
		return this.jdbc.sql("""
				select agency, transport, file_name, errors from agency_simulator.rejected_message
				where agency = ? order by id
				""")
			.param(agency)
			.query((rs, n) -> new Rejected(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	@Override
	public void close() {
		this.writer.close();
	}

}
