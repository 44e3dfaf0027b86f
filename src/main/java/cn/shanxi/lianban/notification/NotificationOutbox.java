package cn.shanxi.lianban.notification;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.support.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notification outbox: rows written in the transaction of the event they tell about,
 * claimed by the delivery routes with {@code FOR UPDATE SKIP LOCKED} (so several hub
 * instances never take the same row), and retried on a backoff kept in the row
 * ({@code next_attempt_at}), so a restart loses nothing and a failing gateway never holds
 * up a case.
 */
@Component
public class NotificationOutbox {

	/** The exchange property naming the outbox row a delivery is about. */
	public static final String ROW = "lianbanOutboxId";

	private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);

	private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcClient jdbc;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationOutbox(JdbcClient jdbc, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	public enum Channel {

		SMS, WEBHOOK

	}

	/**
	 * A claimed row; {@code phone} is the case's applicant phone, read now rather than
	 * copied into the outbox.
	 */
	public record Message(long id, Channel channel, long caseId, Long workItemId, String event, String recipient,
			String payload, int attempts, String phone) {

		@Override
		public String toString() {
			return "Message[" + this.id + " " + this.channel + " " + this.event + " case " + this.caseId + " to "
					+ Masking.mask(this.phone) + "]";
		}

	}

	/**
	 * Adds a message unless this channel already has one for this case, event and item.
	 * @return whether a row was added
	 */
	boolean enqueue(Channel channel, long caseId, Long workItemId, String event, String recipient, String payload) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				insert into notification_outbox (channel, case_id, work_item_id, event, recipient, payload, status,
				    next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
				on conflict do nothing
				""").params(channel.name(), caseId, workItemId, event, recipient, payload, now, now).update() == 1;
	}

	/**
	 * A message for {@link #enqueueAll}; with {@code onlyInCaseStatus}, added only if the
	 * case is in that status when the row is written.
	 */
	record Entry(Long workItemId, String event, String recipient, String payload, String onlyInCaseStatus) {

		Entry(Long workItemId, String event, String recipient, String payload) {
			this(workItemId, event, recipient, payload, null);
		}

	}

	/**
	 * Several messages of one case in one round trip, as {@link #enqueue} each, in order.
	 * One {@code VALUES} row per message, so that PostgreSQL settles on one generic plan
	 * per count of messages: an array-based form was planned anew at every call, which
	 * cost more than running it.
	 * @return how many rows were added
	 */
	int enqueueAll(Channel channel, long caseId, List<Entry> entries) {
		if (entries.isEmpty()) {
			return 0;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		StringBuilder sql = new StringBuilder("""
				insert into notification_outbox (channel, case_id, work_item_id, event, recipient, payload, status,
				    next_attempt_at, created_at)
				select ?, ?, e.item, e.event, e.recipient, e.payload, 'PENDING', ?, ?
				from (values
				""");
		List<Object> params = new ArrayList<>(List.of(channel.name(), caseId, now, now));
		for (int n = 0; n < entries.size(); n++) {
			Entry e = entries.get(n);
			sql.append((n == 0) ? "  " : ", ")
				.append("(")
				.append(n)
				.append(", cast(? as bigint), cast(? as varchar),")
				.append(" cast(? as varchar), cast(? as text), cast(? as varchar))\n");
			params.addAll(Arrays.asList(e.workItemId(), e.event(), e.recipient(), e.payload(), e.onlyInCaseStatus()));
		}
		sql.append("""
				) as e(n, item, event, recipient, payload, only_in)
				where e.only_in is null or exists (select 1 from case_file c where c.id = ? and c.status = e.only_in)
				order by e.n
				on conflict do nothing
				""");
		params.add(caseId);
		return this.jdbc.sql(sql.toString()).params(params).update();
	}

	/** Claims due rows of a channel for one lease. */
	List<Message> claim(Channel channel) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				with due as (
				  select id from notification_outbox
				  where channel = ? and status = 'PENDING' and next_attempt_at <= ?
				  order by next_attempt_at, id limit ? for update skip locked),
				claimed as (
				  update notification_outbox o set next_attempt_at = ?, claimed_by = ?
				  from due where o.id = due.id
				  returning o.id, o.channel, o.case_id, o.work_item_id, o.event, o.recipient, o.payload, o.attempts)
				select c.*, f.applicant_phone from claimed c join case_file f on f.id = c.case_id order by c.id
				""")
			.params(channel.name(), Timestamp.from(now), this.properties.batchSize(),
					Timestamp.from(now.plus(this.properties.lease())), INSTANCE)
			.query((rs, n) -> new Message(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
					rs.getLong("case_id"), (Long) rs.getObject("work_item_id"), rs.getString("event"),
					rs.getString("recipient"), rs.getString("payload"), rs.getInt("attempts"),
					rs.getString("applicant_phone")))
			.list();
	}

	/** The route delivered the message of this exchange. */
	public void delivered(Exchange exchange) {
		Long id = exchange.getProperty(ROW, Long.class);
		this.jdbc.sql("""
				update notification_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_by = null,
				    last_error = null
				where id = ?
				""").params(Timestamp.from(this.clock.instant()), id).update();
	}

	/**
	 * The shared error handling of the delivery routes: the message is tried again after
	 * its backoff, or given up (FAILED) after its last attempt.
	 */
	public void failed(Exchange exchange) {
		Long id = exchange.getProperty(ROW, Long.class);
		Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
		String why = Masking
			.maskAll((error != null) ? error.getClass().getSimpleName() + ": " + error.getMessage() : "unknown error");
		if (id == null) {
			log.warn("Notification delivery failed before a message was in hand: {}", why);
			return;
		}
		NotificationProperties.Retry retry = this.properties.retry();
		Instant now = this.clock.instant();
		Integer attempts = this.jdbc.sql("""
				update notification_outbox set attempts = attempts + 1, claimed_by = null, last_error = ?,
				    status = case when attempts + 1 >= ? then 'FAILED' else status end
				where id = ? returning attempts
				""").params(why, retry.maxAttempts(), id).query(Integer.class).optional().orElse(0);
		if (attempts >= retry.maxAttempts()) {
			log.error("Notification {} given up after {} attempts: {}", id, attempts, why);
			return;
		}
		Instant next = now.plus(retry.delayAfter(attempts));
		this.jdbc.sql("update notification_outbox set next_attempt_at = ? where id = ?")
			.params(Timestamp.from(next), id)
			.update();
		log.warn("Notification {} failed (attempt {}), next attempt at {}: {}", id, attempts, next, why);
	}

}
