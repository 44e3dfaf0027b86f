package cn.shanxi.lianban.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

	private static final String SELECT = "select id, case_id, type, agency, status, requested from work_item ";

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
		return this.jdbc.sql(SELECT + "where case_id = ? order by id").param(caseId).query(WorkItems::row).list();
	}

	/**
	 * Moves an item to {@code to} with an optional reason ({@code {rule, seed, zh, en}}
	 * or the agency's words, as JSON). Answers the change, or empty when the item was
	 * already there or further on (a late or repeated reply changes nothing).
	 */
	public Optional<WorkItemChanged> move(long workItemId, WorkItemStatus to, String reasonJson) {
		Row row = this.jdbc.sql(SELECT + "where id = ? for update").param(workItemId).query(WorkItems::row).single();
		CaseChanges.mark(row.caseId());
		if (!mayMove(row.status(), to)) {
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

	/**
	 * {@link #move} for many items at once, without a reason: the same rule for each
	 * item, in two statements whatever their number (the delivery recorder moves a few
	 * hundred items per transaction). Rows are locked in id order, so two transactions
	 * moving overlapping sets wait for each other instead of deadlocking. Answers the
	 * changes by item id; an item already there or further on is not in it. Events are
	 * published in the order of {@code workItemIds}.
	 */
	public Map<Long, WorkItemChanged> moveAll(Collection<Long> workItemIds, WorkItemStatus to) {
		return moveAll(workItemIds, to, (changed) -> Optional.empty());
	}

	/**
	 * {@link #moveAll(Collection, WorkItemStatus)} that also sets the due time of each
	 * moved item that has none yet ({@code dueAt}: the promised time limit running from
	 * now), in the same statement: the item row is written once, not twice.
	 */
	public Map<Long, WorkItemChanged> moveAll(Collection<Long> workItemIds, WorkItemStatus to,
			Function<WorkItemChanged, Optional<Instant>> dueAt) {
		if (workItemIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Row> rows = new HashMap<>();
		this.jdbc.sql(SELECT + "where id = any(?) order by id for update")
			.param(workItemIds.toArray(Long[]::new))
			.query(WorkItems::row)
			.list()
			.forEach((row) -> rows.put(row.id(), row));
		Map<Long, WorkItemChanged> changes = new LinkedHashMap<>();
		for (Long id : workItemIds) {
			Row row = rows.get(id);
			if (row == null) {
				throw new IllegalArgumentException("No work item " + id);
			}
			if (!changes.containsKey(id) && mayMove(row.status(), to)) {
				changes.put(id,
						new WorkItemChanged(row.caseId(), row.id(), row.type(), row.agency(), row.status(), to));
			}
		}
		if (changes.isEmpty()) {
			return changes;
		}
		changes.values().forEach((c) -> CaseChanges.mark(c.caseId()));
		Long[] ids = changes.keySet().toArray(Long[]::new);
		Timestamp[] dues = changes.values()
			.stream()
			.map((c) -> dueAt.apply(c).map(Timestamp::from).orElse(null))
			.toArray(Timestamp[]::new);
		this.jdbc.sql("""
				update work_item w set status = ?, updated_at = ?, due_at = coalesce(w.due_at, d.due)
				from unnest(cast(? as bigint[]), cast(? as timestamptz[])) as d(id, due) where w.id = d.id
				""").params(to.name(), Timestamp.from(this.clock.instant()), ids, dues).update();
		changes.values().forEach(this.events::publishEvent);
		return changes;
	}

	/**
	 * Never backwards, never out of an ended state, never to where it is; a parked item
	 * may go back to pending (replay).
	 */
	private static boolean mayMove(WorkItemStatus from, WorkItemStatus to) {
		boolean replay = from == WorkItemStatus.PARKED && to == WorkItemStatus.PENDING;
		return !(from == to || from.isFinal() || (to.rank() < from.rank() && !replay));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				WorkItemStatus.valueOf(rs.getString(5)), rs.getBoolean(6));
	}

}
