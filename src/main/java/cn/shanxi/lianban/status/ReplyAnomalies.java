package cn.shanxi.lianban.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.support.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the replies that were not applied ({@code reply_anomaly}) and puts them on the
 * case's timeline when the case is known, so a clerk sees them and nothing is lost.
 */
@Component
class ReplyAnomalies {

	private static final Logger log = LoggerFactory.getLogger(ReplyAnomalies.class);

	private final JdbcClient jdbc;

	private final CaseTimeline timeline;

	private final ObjectMapper json;

	private final Clock clock;

	ReplyAnomalies(JdbcClient jdbc, CaseTimeline timeline, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.json = json;
		this.clock = clock;
	}

	/** Where the reply was aimed, as far as it is known. */
	record Target(Long caseId, Long workItemId, String type, String agency, WorkItemStatus status) {
	}

	long keep(OutcomeResult.Kind kind, ItemOutcome outcome, Target target, String zh, String en) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("zh", zh);
		detail.put("en", en);
		putIfPresent(detail, "reasonCode", outcome.reasonCode());
		putIfPresent(detail, "reasonText", outcome.reasonText());
		putIfPresent(detail, "amount", outcome.amount());
		putIfPresent(detail, "account", Masking.mask(outcome.account()));
		String reference = (outcome.item().reference() != null) ? outcome.item().reference()
				: String.valueOf(outcome.item().workItemId());
		long id = this.jdbc.sql("""
				insert into reply_anomaly (received_at, source, kind, reference, case_id, work_item_id, item_status,
				    claimed_status, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id
				""")
			.params(Timestamp.from(this.clock.instant()), outcome.source(), kind.name(), reference, target.caseId(),
					target.workItemId(), (target.status() != null) ? target.status().name() : null,
					outcome.status().name(), write(detail))
			.query(Long.class)
			.single();
		if (target.caseId() != null) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("kind", kind.name());
			event.put("item", target.type());
			event.put("agency", target.agency());
			event.put("itemStatus", target.status().name());
			event.put("claimedStatus", outcome.status().name());
			event.put("anomalyId", id);
			event.put("zh", zh);
			event.put("en", en);
			this.timeline.record(target.caseId(), "REPLY_NOT_APPLIED", outcome.source(), event);
		}
		log.warn("Reply from {} for {} not applied ({}): {} [anomaly {}]", outcome.source(),
				Masking.maskAll(outcome.item().toString()), kind, en, id);
		return id;
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
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
