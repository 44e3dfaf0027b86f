package cn.shanxi.lianban.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.Rendered;
import cn.shanxi.lianban.support.Digits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a batch file of an agency's due messages (police household fixed-width, civil
 * affairs CSV): claims up to a batch's worth of rows, renders them as one file with the
 * agency's mapping (header and trailer counts included), and keeps the file. A retry
 * sends that same file under the same name; the rows' own records carry their dedup keys.
 */
@Component
class BatchFiles {

	private static final Logger log = LoggerFactory.getLogger(BatchFiles.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final String PICK = """
			select id, work_item_id, case_id, dedup_key, mapping_id, context::text from outbox_message
			where status = 'PENDING' and agency = ? and next_attempt_at <= ?
			order by next_attempt_at, id limit ?
			for update skip locked
			""";

	private final JdbcClient jdbc;

	private final MappingEngine engine;

	private final ObjectMapper json;

	BatchFiles(JdbcClient jdbc, MappingEngine engine, ObjectMapper json) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.json = json;
	}

	/**
	 * The next batch of an agency, claimed by {@code instance} until {@code leaseEnd}; or
	 * {@code null} when nothing is due.
	 */
	@Transactional
	public Delivery make(String agency, int size, Instant now, Instant leaseEnd, String instance) {
		List<Row> rows = this.jdbc.sql(PICK)
			.params(agency, Timestamp.from(now), size)
			.query((rs, n) -> new Row(new Delivery.Member(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)),
					rs.getString(5), rs.getString(6)))
			.list();
		if (rows.isEmpty()) {
			return null;
		}
		// one file, one mapping: rows rendered with another (the mapping changed) wait
		// for
		// the next batch
		String mappingId = rows.get(0).mappingId();
		List<Delivery.Member> members = new ArrayList<>();
		List<JsonNode> contexts = new ArrayList<>();
		for (Row row : rows) {
			if (row.mappingId().equals(mappingId)) {
				members.add(row.member());
				contexts.add(read(row.context()));
			}
		}
		long batchId = this.jdbc.sql("select nextval('outbox_batch_id_seq')").query(Long.class).single();
		String fileId = FILE_TIME.format(now.atZone(CHINA)) + "-" + Digits.zeroPadded(batchId, 8);
		ObjectNode batch = this.json.createObjectNode()
			.put("fileId", fileId)
			.put("createdAt", ISO.format(now.atZone(CHINA)));
		Rendered file = this.engine.render(mappingId, contexts, batch);
		String fileName = (file.fileName() != null) ? file.fileName() : fileId;
		this.jdbc.sql("""
				insert into outbox_batch (id, agency, mapping_id, file_name, content_type, payload, records, status,
				  attempts, next_attempt_at, claimed_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?, ?, ?)
				""")
			.params(batchId, agency, mappingId, fileName, file.contentType(), file.bytes(), members.size(),
					Timestamp.from(leaseEnd), instance, Timestamp.from(now))
			.update();
		this.jdbc.sql("update outbox_message set status = 'BATCHED', batch_id = ? where id = any(?)")
			.params(batchId, members.stream().map(Delivery.Member::outboxId).toArray(Long[]::new))
			.update();
		log.debug("Batch {} for {}: {} records", fileName, agency, members.size());
		return new Delivery(Delivery.Kind.BATCH, batchId, agency, 1, mappingId, file.contentType(),
				file.charset().name(), file.bytes(), fileName, fileName, null, null, List.copyOf(members));
	}

	private JsonNode read(String context) {
		if (context == null) {
			throw new IllegalStateException("A batched message has no render context");
		}
		try {
			return this.json.readTree(context);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored render context is not JSON", ex);
		}
	}

	private record Row(Delivery.Member member, String mappingId, String context) {
	}

}
