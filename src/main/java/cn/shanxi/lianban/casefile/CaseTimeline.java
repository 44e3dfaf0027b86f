package cn.shanxi.lianban.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the events of a case's timeline. Called inside a use case's transaction, so an
 * event lands together with the change it describes, or not at all.
 */
@Component
public class CaseTimeline {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	CaseTimeline(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param type what happened, e.g. {@code APPLICATION_RECEIVED},
	 * {@code CERTIFICATE_MATCHED}
	 * @param source who made it happen: {@code channel:WEB}, {@code partner:H001},
	 * {@code hub}
	 * @param detail facts for the reader (never unmasked personal numbers)
	 */
	public void record(long caseId, String type, String source, Map<String, ?> detail) {
		CaseChanges.mark(caseId);
		this.jdbc
			.sql("insert into case_event (case_id, at, type, source, detail) values (?, ?, ?, ?, cast(? as jsonb))")
			.params(caseId, Timestamp.from(this.clock.instant()), type, source, toJson(detail))
			.update();
	}

	/** One event to record: see {@link #record(long, String, String, Map)}. */
	public record Entry(String type, String source, Map<String, ?> detail) {
	}

	/** Several events of one case in one round trip, in the order given. */
	public void record(long caseId, java.util.List<Entry> entries) {
		if (entries.size() == 1) {
			Entry e = entries.get(0);
			record(caseId, e.type(), e.source(), e.detail());
			return;
		}
		CaseChanges.mark(caseId);
		this.jdbc
			.sql("""
					insert into case_event (case_id, at, type, source, detail)
					select ?, ?, e.type, e.source, cast(e.detail as jsonb)
					from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as text[])) with ordinality as e(type, source, detail, n)
					order by e.n
					""")
			.params(caseId, Timestamp.from(this.clock.instant()),
					entries.stream().map(Entry::type).toArray(String[]::new),
					entries.stream().map(Entry::source).toArray(String[]::new),
					entries.stream().map((e) -> toJson(e.detail())).toArray(String[]::new))
			.update();
	}

	/**
	 * The events of many cases in one round trip (the delivery recorder's batch), each
	 * case's in the order given.
	 */
	public void recordAll(Map<Long, ? extends java.util.List<Entry>> byCase) {
		java.util.List<Long> caseIds = new java.util.ArrayList<>();
		java.util.List<Entry> entries = new java.util.ArrayList<>();
		byCase.forEach((caseId, events) -> events.forEach((e) -> {
			caseIds.add(caseId);
			entries.add(e);
		}));
		if (entries.isEmpty()) {
			return;
		}
		caseIds.forEach(CaseChanges::mark);
		this.jdbc.sql("""
				insert into case_event (case_id, at, type, source, detail)
				select e.case_id, ?, e.type, e.source, cast(e.detail as jsonb)
				from unnest(cast(? as bigint[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as text[]))
				  with ordinality as e(case_id, type, source, detail, n)
				order by e.n
				""")
			.params(Timestamp.from(this.clock.instant()), caseIds.toArray(Long[]::new),
					entries.stream().map(Entry::type).toArray(String[]::new),
					entries.stream().map(Entry::source).toArray(String[]::new),
					entries.stream().map((e) -> toJson(e.detail())).toArray(String[]::new))
			.update();
	}

	private String toJson(Map<String, ?> detail) {
		if (detail == null || detail.isEmpty()) {
			return null;
		}
		try {
			return this.json.writeValueAsString(detail);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Timeline detail is not serialisable", ex);
		}
	}

}
