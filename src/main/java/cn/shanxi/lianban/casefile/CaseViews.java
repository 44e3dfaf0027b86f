package cn.shanxi.lianban.casefile;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a whole case — form, work items, timeline, attachments — in one round trip:
 * PostgreSQL builds the JSON, Jackson maps it onto {@link CaseView}.
 */
@Component
public class CaseViews {

	private static final String VIEW = """
			select (jsonb_build_object(
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
			) || coalesce((select jsonb_build_object('warnings', w) from (select cast(? as jsonb) as w) x
			    where w is not null), '{}'::jsonb))::text
			from case_file c where c.case_no = ?
			""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	CaseViews(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<CaseView> find(String caseNo) {
		return json(caseNo, null).map(this::read);
	}

	/**
	 * The case as JSON text, straight from the database (the API answers it as is), with
	 * {@code warningsJson} (a JSON array, or {@code null}) added as {@code warnings}.
	 */
	public Optional<String> json(String caseNo, String warningsJson) {
		return this.jdbc.sql(VIEW).params(warningsJson, caseNo).query(String.class).optional();
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
