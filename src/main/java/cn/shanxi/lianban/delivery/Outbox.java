package cn.shanxi.lianban.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write side of the transactional outbox: dispatch adds a work item's rendered
 * message in its own transaction, so nothing is sent that was not first committed. A work
 * item has at most one message, ever (unique {@code work_item_id} and {@code dedup_key}):
 * adding it again changes nothing.
 */
@Component
public class Outbox {

	private static final String INSERT = """
			insert into outbox_message (work_item_id, case_id, agency, dedup_key, message_id, mapping_id, content_type,
			  charset, payload, context, status, next_attempt_at, created_at)
			select m.work_item_id, m.case_id, m.agency, m.dedup_key, cast(m.message_id as uuid), m.mapping_id,
			  m.content_type, m.charset, m.payload, cast(convert_from(m.context, 'UTF8') as jsonb), 'PENDING', ?, ?
			from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]),
			  cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as bytea[]),
			  cast(? as bytea[])) with ordinality
			  as m(work_item_id, case_id, agency, dedup_key, message_id, mapping_id, content_type, charset, payload,
			       context, n)
			order by m.n
			on conflict do nothing
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A message for one work item.
	 *
	 * @param dedupKey stable per work item ({@code <caseNo>-<itemType>}): it goes with
	 * the message on every transport, so the agency can drop a repeat
	 * @param messageId {@code message.id} inside the payload
	 * @param payload the rendering in the agency's charset (for table rows: the rows as
	 * JSON)
	 * @param contextJson the render context as UTF-8 JSON, for agencies whose delivery
	 * renders again (batch files, table rows); {@code null} otherwise. Bytes, not a
	 * string: the driver would encode a string of Chinese text char by char again, at a
	 * cost that showed in the dispatching thread's profile.
	 */
	public record NewMessage(long workItemId, long caseId, String agency, String dedupKey, UUID messageId,
			String mappingId, String contentType, String charset, byte[] payload, byte[] contextJson) {
	}

	/**
	 * Adds the messages, in one statement whatever their number (a case's eight messages
	 * were eight executions); answers how many were new.
	 */
	public int add(List<NewMessage> messages) {
		if (messages.isEmpty()) {
			return 0;
		}
		int n = messages.size();
		Long[] workItemIds = new Long[n];
		Long[] caseIds = new Long[n];
		String[] agencies = new String[n];
		String[] dedupKeys = new String[n];
		String[] messageIds = new String[n];
		String[] mappingIds = new String[n];
		String[] contentTypes = new String[n];
		String[] charsets = new String[n];
		byte[][] payloads = new byte[n][];
		byte[][] contexts = new byte[n][];
		for (int i = 0; i < n; i++) {
			NewMessage m = messages.get(i);
			workItemIds[i] = m.workItemId();
			caseIds[i] = m.caseId();
			agencies[i] = m.agency();
			dedupKeys[i] = m.dedupKey();
			messageIds[i] = m.messageId().toString();
			mappingIds[i] = m.mappingId();
			contentTypes[i] = m.contentType();
			charsets[i] = m.charset();
			payloads[i] = m.payload();
			contexts[i] = m.contextJson();
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql(INSERT)
			.params(now, now, workItemIds, caseIds, agencies, dedupKeys, messageIds, mappingIds, contentTypes, charsets,
					payloads, contexts)
			.update();
	}

	/**
	 * A work item whose message could not be rendered for a reason of the hub's own
	 * making: its row is PARKED at once, with an empty payload and the reason, for an
	 * operator to replay once the mapping (or the data) is mended; the message log says
	 * so. Answers whether the row was new.
	 */
	public boolean parkUnrendered(long workItemId, long caseId, String agency, String dedupKey, String mappingId,
			String reason) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc
			.sql("""
					with m as (
					  insert into outbox_message (work_item_id, case_id, agency, dedup_key, message_id, mapping_id, content_type,
					    charset, payload, status, next_attempt_at, created_at, last_error, parked_at, render_error)
					  values (?, ?, ?, ?, cast(? as uuid), ?, 'application/octet-stream', 'UTF-8', ''::bytea, 'PARKED', ?, ?, ?, ?, ?)
					  on conflict do nothing
					  returning id, case_id, work_item_id)
					insert into message_log (outbox_id, case_id, work_item_id, attempt, at, event, answer)
					select id, case_id, work_item_id, 0, ?, 'PARKED', ? from m
					""")
			.params(workItemId, caseId, agency, dedupKey, UUID.randomUUID().toString(), mappingId, now, now,
					"not rendered: " + reason, now, reason, now, "not rendered, waits for an operator: " + reason)
			.update() > 0;
	}

	/**
	 * The message of a parked row that was never rendered, rendered now (its replay):
	 * payload and render context as {@link #add} writes them.
	 */
	public void rendered(long outboxId, NewMessage m) {
		this.jdbc.sql("""
				update outbox_message set message_id = cast(? as uuid), mapping_id = ?, content_type = ?, charset = ?,
				  payload = ?, context = cast(convert_from(?, 'UTF8') as jsonb), render_error = null
				where id = ? and render_error is not null
				""")
			.params(m.messageId().toString(), m.mappingId(), m.contentType(), m.charset(), m.payload(), m.contextJson(),
					outboxId)
			.update();
	}

	/**
	 * Withdraws a work item's message that has not gone yet (its item was settled
	 * otherwise, e.g. the death certificate arrived while the request to issue it
	 * waited). A message already in a batch file or delivered stays as it is.
	 * @return whether a message was withdrawn
	 */
	public boolean cancel(long workItemId, String why) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Long> cancelled = this.jdbc.sql("""
				update outbox_message set status = 'CANCELLED', claimed_by = null, last_error = ?
				where work_item_id = ? and status in ('PENDING', 'PARKED')
				returning id
				""").params(why, workItemId).query(Long.class).list();
		for (long id : cancelled) {
			this.jdbc.sql("""
					insert into message_log (outbox_id, case_id, work_item_id, attempt, at, event, answer)
					select o.id, o.case_id, o.work_item_id, o.attempts, ?, 'CANCELLED', ? from outbox_message o
					where o.id = ?
					""").params(now, why, id).update();
		}
		return !cancelled.isEmpty();
	}

}
