package cn.shanxi.lianban.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims outbox rows for this hub instance. Rows are picked with
 * {@code FOR UPDATE SKIP LOCKED}, so instances polling at the same moment take different
 * rows, and leased by moving {@code next_attempt_at} to the end of the lease: a row whose
 * instance died becomes due again when the lease ends. The attempt is counted at the
 * claim, so a message that kills its sender is parked after its attempts too.
 */
@Component
class OutboxClaims {

	private static final String CLAIM_MESSAGES = """
			with picked as (
			  select m.id from unnest(cast(? as text[]), cast(? as int[])) as w(agency, n)
			  cross join lateral (
			    select id from outbox_message
			    where status = 'PENDING' and agency = w.agency and next_attempt_at <= ?
			    order by next_attempt_at, id limit w.n
			    for update skip locked) m
			)
			update outbox_message o set attempts = o.attempts + 1, next_attempt_at = ?, claimed_by = ?
			from picked where o.id = picked.id
			returning o.id, o.work_item_id, o.case_id, o.agency, o.dedup_key, o.message_id, o.mapping_id,
			  o.content_type, o.charset, o.payload, o.context::text, o.attempts
			""";

	private static final String CLAIM_BATCHES = """
			with picked as (
			  select b.id from unnest(cast(? as text[]), cast(? as int[])) as w(agency, n)
			  cross join lateral (
			    select id from outbox_batch
			    where status = 'PENDING' and agency = w.agency and next_attempt_at <= ?
			    order by next_attempt_at, id limit w.n
			    for update skip locked) b
			)
			update outbox_batch o set attempts = o.attempts + 1, next_attempt_at = ?, claimed_by = ?
			from picked where o.id = picked.id
			returning o.id, o.agency, o.mapping_id, o.content_type, o.payload, o.file_name, o.attempts
			""";

	private final JdbcClient jdbc;

	OutboxClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims due messages that go one by one, up to {@code wanted} per agency.
	 */
	List<Delivery> claimMessages(Map<String, Integer> wanted, Instant now, Instant leaseEnd, String instance) {
		if (wanted.isEmpty()) {
			return List.of();
		}
		List<String> agencies = new ArrayList<>(wanted.keySet());
		Integer[] limits = agencies.stream().map(wanted::get).toArray(Integer[]::new);
		return this.jdbc.sql(CLAIM_MESSAGES)
			.params(agencies.toArray(String[]::new), limits, Timestamp.from(now), Timestamp.from(leaseEnd), instance)
			.query(OutboxClaims::message)
			.list();
	}

	private static Delivery message(ResultSet rs, int n) throws SQLException {
		Delivery.Member member = new Delivery.Member(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(5));
		return new Delivery(Delivery.Kind.MESSAGE, rs.getLong(1), rs.getString(4), rs.getInt(12), rs.getString(7),
				rs.getString(8), rs.getString(9), rs.getBytes(10), null, rs.getString(5), rs.getString(6),
				rs.getString(11), List.of(member));
	}

	/** Claims due batch files (retries: a new batch is claimed as it is made). */
	List<Delivery> claimBatches(Map<String, Integer> wanted, Instant now, Instant leaseEnd, String instance) {
		if (wanted.isEmpty()) {
			return List.of();
		}
		List<String> agencies = new ArrayList<>(wanted.keySet());
		Integer[] limits = agencies.stream().map(wanted::get).toArray(Integer[]::new);
		List<Delivery> batches = this.jdbc.sql(CLAIM_BATCHES)
			.params(agencies.toArray(String[]::new), limits, Timestamp.from(now), Timestamp.from(leaseEnd), instance)
			.query((rs, n) -> new Delivery(Delivery.Kind.BATCH, rs.getLong(1), rs.getString(2), rs.getInt(7),
					rs.getString(3), rs.getString(4), null, rs.getBytes(5), rs.getString(6), rs.getString(6), null,
					null, List.of()))
			.list();
		if (batches.isEmpty()) {
			return batches;
		}
		Map<Long, List<Delivery.Member>> members = membersOf(batches.stream().map(Delivery::id).toList());
		return batches.stream()
			.map((b) -> new Delivery(b.kind(), b.id(), b.agency(), b.attempt(), b.mappingId(), b.contentType(),
					b.charset(), b.payload(), b.fileName(), b.dedupKey(), null, null,
					members.getOrDefault(b.id(), List.of())))
			.toList();
	}

	Map<Long, List<Delivery.Member>> membersOf(List<Long> batchIds) {
		Map<Long, List<Delivery.Member>> members = new HashMap<>();
		this.jdbc.sql("""
				select batch_id, id, work_item_id, case_id, dedup_key from outbox_message
				where batch_id = any(?) and status = 'BATCHED' order by id
				""").param(batchIds.toArray(Long[]::new)).query((rs) -> {
			members.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new Delivery.Member(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
		});
		return members;
	}

	/**
	 * Hands back claims this instance will not send after all (it is stopping, or it
	 * starts again under the same name after a crash): due at once, the attempt not
	 * counted.
	 */
	int release(String instance, List<Delivery> unsent, Instant now) {
		int released = 0;
		for (Delivery d : unsent) {
			String table = (d.kind() == Delivery.Kind.BATCH) ? "outbox_batch" : "outbox_message";
			released += this.jdbc.sql("update " + table + """
					 set attempts = greatest(attempts - 1, 0), next_attempt_at = ?, claimed_by = null
					where id = ? and claimed_by = ? and status = 'PENDING'
					""").params(Timestamp.from(now), d.id(), instance).update();
		}
		return released;
	}

	/** A restarted instance takes back what it had claimed before it stopped. */
	int releaseAll(String instance, Instant now) {
		int released = 0;
		for (String table : List.of("outbox_message", "outbox_batch")) {
			released += this.jdbc.sql("update " + table + """
					 set next_attempt_at = ?, claimed_by = null
					where claimed_by = ? and status = 'PENDING' and next_attempt_at > ?
					""").params(Timestamp.from(now), instance, Timestamp.from(now)).update();
		}
		return released;
	}

}
