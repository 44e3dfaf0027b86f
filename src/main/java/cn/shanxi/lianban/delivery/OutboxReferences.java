package cn.shanxi.lianban.delivery;

import java.util.Optional;

import cn.shanxi.lianban.status.WorkItemReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A reply names the work item by the dedup key it was sent under (the header, the file
 * record, the staging table's column): {@code <caseNo>-<itemType>}
 * ({@code ItemMessages.dedupKey}), so the case number and the item type find it through
 * their own unique keys — the outbox keeps no index of its own on the key (V8).
 */
@Component
class OutboxReferences implements WorkItemReferences {

	private final JdbcClient jdbc;

	OutboxReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> workItemId(String reference) {
		// a case number has no '-' (SX + date + serial): the first one ends it
		int dash = (reference != null) ? reference.indexOf('-') : -1;
		if (dash <= 0) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select o.work_item_id from case_file c
				join work_item w on w.case_id = c.id
				join outbox_message o on o.work_item_id = w.id
				where c.case_no = ? and w.type = ? and o.dedup_key = ?
				""")
			.params(reference.substring(0, dash), reference.substring(dash + 1), reference)
			.query(Long.class)
			.optional();
	}

}
