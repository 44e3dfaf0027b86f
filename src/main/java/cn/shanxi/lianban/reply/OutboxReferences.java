package cn.shanxi.lianban.reply;

import java.util.Optional;

import cn.shanxi.lianban.status.WorkItemReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reference an agency quotes is the dedup key the hub sent the work item under
 * (dispatch's outbox: one message, one key, per work item, ever).
 */
@Component
class OutboxReferences implements WorkItemReferences {

	private final JdbcClient jdbc;

	OutboxReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> workItemId(String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select work_item_id from outbox_message where dedup_key = ?")
			.param(reference.trim())
			.query(Long.class)
			.optional();
	}

}
