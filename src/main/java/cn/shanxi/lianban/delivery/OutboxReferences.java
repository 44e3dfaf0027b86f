package cn.shanxi.lianban.delivery;

import java.util.Optional;

import cn.shanxi.lianban.status.WorkItemReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A reply names the work item by the dedup key it was sent under (the header, the file
 * record, the staging table's column): the outbox keeps that key, unique per work item.
 */
@Component
class OutboxReferences implements WorkItemReferences {

	private final JdbcClient jdbc;

	OutboxReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> workItemId(String reference) {
		return this.jdbc.sql("select work_item_id from outbox_message where dedup_key = ?")
			.param(reference)
			.query(Long.class)
			.optional();
	}

}
