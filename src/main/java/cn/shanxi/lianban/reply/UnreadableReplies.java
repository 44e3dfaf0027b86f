package cn.shanxi.lianban.reply;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.mapping.LineError;
import cn.shanxi.lianban.status.WorkItemReferences;
import cn.shanxi.lianban.support.Masking;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a line of a reply file (or a staging row) that its mapping refused: in
 * {@code reply_anomaly} as {@code UNREADABLE}, and on the case's timeline when the line
 * still shows a reference the hub sent. Reported, never dropped.
 */
@Component
class UnreadableReplies {

	private static final Logger log = LoggerFactory.getLogger(UnreadableReplies.class);

	static final String KIND = "UNREADABLE";

	private final JdbcClient jdbc;

	private final ObjectProvider<WorkItemReferences> references;

	private final CaseTimeline timeline;

	private final ObjectMapper json;

	private final Clock clock;

	UnreadableReplies(JdbcClient jdbc, ObjectProvider<WorkItemReferences> references, CaseTimeline timeline,
			ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.references = references;
		this.timeline = timeline;
		this.json = json;
		this.clock = clock;
	}

	private record Target(long caseId, long workItemId, String type, String agency, String status) {
	}

	@Transactional
	public RecordResult keep(String source, String where, int line, String reference, List<LineError> errors) {
		Optional<Target> target = Optional.ofNullable(reference)
			.flatMap(this::workItemId)
			.map((id) -> this.jdbc.sql("select case_id, id, type, agency, status from work_item where id = ?")
				.param(id)
				.query((rs, n) -> new Target(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.single());
		String zh = "回执第 " + line + " 行无法读取：" + String.join("；", errors.stream().map(LineError::message).toList());
		String en = "Line " + line + " of the reply cannot be read: "
				+ String.join("; ", errors.stream().map(LineError::messageEn).toList());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("zh", zh);
		detail.put("en", en);
		detail.put("where", where);
		detail.put("line", line);
		detail.put("errors", errors);
		long id = this.jdbc.sql("""
				insert into reply_anomaly (received_at, source, kind, reference, case_id, work_item_id, item_status,
				    claimed_status, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id
				""")
			.params(Timestamp.from(this.clock.instant()), source, KIND, reference,
					target.map(Target::caseId).orElse(null), target.map(Target::workItemId).orElse(null),
					target.map(Target::status).orElse(null), KIND, write(detail))
			.query(Long.class)
			.single();
		target.ifPresent((t) -> {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("kind", KIND);
			event.put("item", t.type());
			event.put("agency", t.agency());
			event.put("itemStatus", t.status());
			event.put("anomalyId", id);
			event.put("zh", zh);
			event.put("en", en);
			this.timeline.record(t.caseId(), "REPLY_NOT_APPLIED", source, event);
		});
		log.warn("Reply from {} ({}, line {}) not readable, kept as anomaly {}: {}", source, where, line, id,
				Masking.maskAll(en));
		return new RecordResult(reference, null, KIND, null, target.map(Target::status).orElse(null), id,
				zh + " / " + en);
	}

	private Optional<Long> workItemId(String reference) {
		return this.references.orderedStream()
			.map((r) -> r.workItemId(reference))
			.flatMap(Optional::stream)
			.findFirst();
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
