package cn.shanxi.lianban.status;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.shanxi.lianban.casefile.ApplicationAccepted;
import cn.shanxi.lianban.casefile.CaseChanges;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Items the rule table sends to the window at acceptance (e.g. a work-injury death's
 * survivor benefit, 附件2 注4) get the family's words and what to bring, like an agency's
 * offline reply does. One statement in the accepting transaction; the rule's own wording
 * stays.
 */
@Component
class OfflineReasonsAtAcceptance {

	private final JdbcClient jdbc;

	private final String additions;

	OfflineReasonsAtAcceptance(JdbcClient jdbc, ObjectMapper json) throws JsonProcessingException {
		this.jdbc = jdbc;
		Map<String, Object> byRule = new LinkedHashMap<>();
		OfflineReason.byRule().forEach((rule, reason) -> {
			Map<String, Object> add = new LinkedHashMap<>();
			add.put("code", reason.name());
			add.put("bring", reason.bring());
			add.put("text", reason.text());
			byRule.put(rule, add);
		});
		this.additions = json.writeValueAsString(byRule);
	}

	@EventListener
	void accepted(ApplicationAccepted accepted) {
		if (!accepted.createdWith(null, WorkItemStatus.OFFLINE_REQUIRED)) {
			return;
		}
		CaseChanges.mark(accepted.caseId());
		this.jdbc.sql("""
				update work_item w set reason = w.reason || m.extra
				from jsonb_each(cast(? as jsonb)) as m(rule, extra)
				where w.case_id = ? and w.status = 'OFFLINE_REQUIRED' and w.reason->>'rule' = m.rule
				""").params(this.additions, accepted.caseId()).update();
	}

}
