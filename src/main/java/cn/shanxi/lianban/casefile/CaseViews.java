package cn.shanxi.lianban.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import cn.shanxi.lianban.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a whole case — form, work items, timeline, attachments — in one round trip:
 * PostgreSQL builds the JSON, Jackson maps it onto {@link CaseView}.
 */
@Component
public class CaseViews {

	/** The case {@code c} as one JSON object. */
	private static final String VIEW_OBJECT = """
			jsonb_build_object(
			  'caseNo', c.case_no, 'status', c.status, 'statusReason', c.status_reason, 'channel', c.channel,
			  'createdAt', beijing_time(c.created_at), 'updatedAt', beijing_time(c.updated_at), 'form', c.form,
			  'workItems', coalesce((select jsonb_agg(jsonb_build_object(
			      'item', w.type, 'agency', w.agency, 'status', w.status, 'requested', w.requested,
			      'dueAt', beijing_time(w.due_at), 'overdue', w.overdue, 'reason', w.reason, 'updatedAt', beijing_time(w.updated_at),
			      'amount', w.amount, 'paidToAccount', w.paid_to_account,
			      'reasonText', coalesce(w.reason->>'text', nullif(concat_ws(' / ', w.reason->>'zh', w.reason->>'en'), '')))
			      order by w.id)
			    from work_item w where w.case_id = c.id), '[]'::jsonb),
			  'timeline', coalesce((select jsonb_agg(jsonb_build_object(
			      'at', beijing_time(e.at), 'type', e.type, 'source', e.source, 'detail', e.detail) order by e.id)
			    from case_event e where e.case_id = c.id), '[]'::jsonb),
			  'attachments', coalesce((select jsonb_agg(jsonb_build_object(
			      'id', a.id, 'kind', a.kind, 'fileName', a.file_name, 'contentType', a.content_type,
			      'sizeBytes', a.size_bytes, 'sha256', a.sha256, 'uploadedAt', beijing_time(a.uploaded_at)) order by a.id)
			    from case_attachment a where a.case_id = c.id), '[]'::jsonb)
			)""";

	private static final String VIEW = "select (" + VIEW_OBJECT + """
			 || coalesce((select jsonb_build_object('warnings', w) from (select cast(? as jsonb) as w) x
			    where w is not null), '{}'::jsonb))::text
			from case_file c where c.case_no = ?
			""";

	/** As the database's {@code beijing_time()}. */
	private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+08:00'")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final CaseTimeline timeline;

	CaseViews(JdbcClient jdbc, ObjectMapper json, CaseTimeline timeline) {
		this.jdbc = jdbc;
		this.json = json;
		this.timeline = timeline;
	}

	public Optional<CaseView> find(String caseNo) {
		return json(caseNo, null).map(this::read);
	}

	/**
	 * The case as JSON text, straight from the database (the API answers it as is), with
	 * {@code warningsJson} (a JSON array, or {@code null}) added as {@code warnings}.
	 */
	public Optional<String> json(String caseNo, String warningsJson) {
		// read back inside a transaction: with the events it has gathered
		this.timeline.flush();
		return this.jdbc.sql(VIEW).params(warningsJson, caseNo).query(String.class).optional();
	}

	/**
	 * The case as JSON text for one who asks to read it: empty when there is no such case
	 * or {@code access} does not let them read it. The read and its audit entry —
	 * {@code READ}, or {@code DENIED} when nothing was answered — are one statement.
	 */
	public Optional<String> read(String caseNo, CaseAccess access, AuditEntry audit) {
		List<Object> params = new ArrayList<>();
		params.add(caseNo);
		params.addAll(access.params());
		params.addAll(audit.valuesFor(List.of()));
		return this.jdbc
			.sql("with v as (select (" + VIEW_OBJECT + ")::text as json from case_file c where c.case_no = ? and ("
					+ access.condition() + ")), "
					+ AuditEntry.cte("a", "case when exists (select 1 from v) then 'READ' else 'DENIED' end")
					+ " select json from v")
			.params(params)
			.query(String.class)
			.optional();
	}

	/**
	 * The view of a case its accepting transaction has just written — the same JSON as
	 * {@link #json} gives (a test holds them equal) — built from what that transaction
	 * holds instead of read back, which took a sixth of PostgreSQL's CPU per application.
	 * Empty when the transaction has changed the case since (e.g. its certificate was on
	 * record): then only the database knows it.
	 */
	public Optional<String> ofNewCase(NewCase c, NewCase.Stored stored, String warningsJson) {
		if (CaseChanges.marked(stored.id())) {
			return Optional.empty();
		}
		String at = BEIJING_TIME.format(stored.at());
		ObjectNode view = this.json.createObjectNode();
		view.put("caseNo", stored.caseNo());
		view.put("status", c.status().name());
		view.putNull("statusReason");
		view.put("channel", c.channel());
		view.put("createdAt", at);
		view.put("updatedAt", at);
		view.putRawValue("form", new RawValue(c.formJson()));
		ArrayNode items = view.putArray("workItems");
		for (NewCase.NewWorkItem w : c.workItems()) {
			ObjectNode item = items.addObject();
			JsonNode reason = tree(w.reasonJson());
			item.put("item", w.type());
			item.put("agency", w.agency());
			item.put("status", w.status());
			item.put("requested", w.requested());
			item.putNull("dueAt");
			item.put("overdue", false);
			item.set("reason", reason);
			item.put("updatedAt", at);
			item.putNull("amount");
			item.putNull("paidToAccount");
			item.put("reasonText", reasonText(reason));
		}
		ArrayNode timeline = view.putArray("timeline");
		for (NewCase.NewEvent e : c.events()) {
			ObjectNode event = timeline.addObject();
			event.put("at", at);
			event.put("type", e.type());
			event.put("source", e.source());
			event.set("detail", tree(e.detailJson()));
		}
		view.putArray("attachments");
		if (warningsJson != null) {
			view.putRawValue("warnings", new RawValue(warningsJson));
		}
		try {
			return Optional.of(this.json.writeValueAsString(view));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** As the view's SQL: the agency's own words, else the rule's Chinese / English. */
	private static String reasonText(JsonNode reason) {
		if (reason.isNull()) {
			return null;
		}
		if (reason.hasNonNull("text")) {
			return reason.get("text").asText();
		}
		String text = java.util.stream.Stream.of("zh", "en")
			.filter(reason::hasNonNull)
			.map((k) -> reason.get(k).asText())
			.collect(java.util.stream.Collectors.joining(" / "));
		return text.isEmpty() ? null : text;
	}

	private JsonNode tree(String text) {
		if (text == null) {
			return NullNode.getInstance();
		}
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private CaseView read(String text) {
		try {
			return this.json.readValue(text, CaseView.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored case does not map onto CaseView", ex);
		}
	}

}
