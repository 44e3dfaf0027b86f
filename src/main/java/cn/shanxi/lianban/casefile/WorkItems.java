package cn.shanxi.lianban.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The work items of cases. Every status change goes through {@link #move}, which locks
 * the row, refuses to go backwards, and publishes {@link WorkItemChanged} in the caller's
 * transaction.
 */
@Component
public class WorkItems {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WorkItems(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A work item row. */
	public record Row(long id, long caseId, String type, String agency, WorkItemStatus status, boolean requested) {
	}

	public List<Row> ofCase(long caseId) {
		return this.jdbc
			.sql("select id, case_id, type, agency, status, requested from work_item where case_id = ? order by id")
			.param(caseId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					WorkItemStatus.valueOf(rs.getString(5)), rs.getBoolean(6)))
			.list();
	}

	/**
	 * Moves an item to {@code to} with an optional reason ({@code {rule, seed, zh, en}}
	 * or the agency's words, as JSON). Answers the change, or empty when the item was
	 * already there or further on (a late or repeated reply changes nothing).
	 */
	public Optional<WorkItemChanged> move(long workItemId, WorkItemStatus to, String reasonJson) {
		Row row = this.jdbc
			.sql("select id, case_id, type, agency, status, requested from work_item where id = ? for update")
			.param(workItemId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					WorkItemStatus.valueOf(rs.getString(5)), rs.getBoolean(6)))
			.single();
		boolean replay = row.status() == WorkItemStatus.PARKED && to == WorkItemStatus.PENDING;
		if (row.status() == to || row.status().isFinal() || (to.rank() < row.status().rank() && !replay)) {
			return Optional.empty();
		}
		this.jdbc.sql(
				"update work_item set status = ?, reason = coalesce(cast(? as jsonb), reason), updated_at = ? where id = ?")
			.params(to.name(), reasonJson, Timestamp.from(this.clock.instant()), workItemId)
			.update();
		WorkItemChanged changed = new WorkItemChanged(row.caseId(), row.id(), row.type(), row.agency(), row.status(),
				to);
		this.events.publishEvent(changed);
		return Optional.of(changed);
	}

}
