package cn.shanxi.lianban.delivery;

import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Provenance, per case: each work item's message as rendered, and every attempt to
 * deliver it with the transport's answer. A batched item shows its own record (as a file
 * of one record) and the batch file's name — never the other cases in that file.
 */
@Component
class MessageLog {

	private static final String MESSAGES = """
			select m.id, w.type, m.agency, m.dedup_key, m.message_id, m.mapping_id, m.status, m.attempts,
			  m.content_type, m.charset, m.payload, b.file_name, m.created_at, m.delivered_at, m.last_error
			from outbox_message m join work_item w on w.id = m.work_item_id left join outbox_batch b on b.id = m.batch_id
			where w.case_id = ? order by m.id
			""";

	private static final String LOG = """
			select outbox_id, attempt, at, event, instance, answer, batch_id from message_log
			where case_id = ? order by id
			""";

	private final JdbcClient jdbc;

	MessageLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One work item's message and its history. */
	record Message(long id, String item, String agency, String dedupKey, String messageId, String mappingId,
			String status, int attempts, String contentType, String charset, String payload, String batchFile,
			OffsetDateTime createdAt, OffsetDateTime deliveredAt, String lastError, List<Entry> log) {
	}

	/** One event of a message: an attempt and its answer, a park, a replay. */
	record Entry(int attempt, OffsetDateTime at, String event, String instance, String answer, Long batchId) {
	}

	/** The messages of a case, or empty when there is no such case. */
	Optional<List<Message>> ofCase(String caseNo) {
		Optional<Long> caseId = this.jdbc.sql("select id from case_file where case_no = ?")
			.param(caseNo)
			.query(Long.class)
			.optional();
		return caseId.map(this::ofCase);
	}

	private List<Message> ofCase(long caseId) {
		Map<Long, List<Entry>> entries = new LinkedHashMap<>();
		this.jdbc.sql(LOG).param(caseId).query((rs) -> {
			entries.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new Entry(rs.getInt(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getString(5),
						rs.getString(6), (Long) rs.getObject(7)));
		});
		return this.jdbc.sql(MESSAGES)
			.param(caseId)
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
					new String(rs.getBytes(11), Charset.forName(rs.getString(10))), rs.getString(12),
					rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class), rs.getString(15),
					entries.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	/** A message's payload, byte for byte, with its content type. */
	Optional<Payload> payload(String caseNo, long id) {
		return this.jdbc.sql("""
				select m.payload, m.content_type from outbox_message m join case_file c on c.id = m.case_id
				where c.case_no = ? and m.id = ?
				""").params(caseNo, id).query((rs, n) -> new Payload(rs.getBytes(1), rs.getString(2))).optional();
	}

	record Payload(byte[] bytes, String contentType) {
	}

}
