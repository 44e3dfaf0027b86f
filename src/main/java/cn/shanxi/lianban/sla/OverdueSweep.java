package cn.shanxi.lianban.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds work items past their promised time (承诺时限) that have not ended, marks them
 * {@code overdue}, records an escalation on the case's timeline and publishes
 * {@link WorkItemOverdue} — once per item: the flag flips from false to true in the same
 * statement that picks the item, so two sweeps at the same moment (two hub instances)
 * never escalate one item twice. Items locked by a reply being applied are skipped, not
 * waited for, and looked at again on the next sweep.
 */
@Component
public class OverdueSweep {

	private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

	private final JdbcClient jdbc;

	private final CaseTimeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OverdueSweep(JdbcClient jdbc, CaseTimeline timeline, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One batch, in one transaction.
	 * @return how many items were found overdue; fewer than {@code batchSize} means none
	 * are left
	 */
	@Transactional
	public int sweepOnce(int batchSize) {
		Instant now = this.clock.instant();
		Timestamp at = Timestamp.from(now);
		List<WorkItemOverdue> overdue = this.jdbc.sql("""
				with due as (
				  select id from work_item
				  where overdue = false and due_at <= ? and status not in ('DONE', 'REJECTED', 'OFFLINE_REQUIRED')
				  order by due_at limit ? for update skip locked)
				update work_item w set overdue = true, escalated_at = ?
				from due, case_file c
				where w.id = due.id and c.id = w.case_id
				returning w.case_id, c.case_no, w.id, w.type, w.agency, w.status, w.due_at
				""")
			.params(at, batchSize, at)
			.query((rs, n) -> new WorkItemOverdue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), WorkItemStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), now))
			.list();
		for (WorkItemOverdue item : overdue) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("item", item.type());
			detail.put("agency", item.agency());
			detail.put("status", item.status().name());
			detail.put("dueAt", item.dueAt().toString());
			detail.put("zh", "已超过承诺时限，已通知该部门督办人员");
			detail.put("en", "Past its promised time limit: the agency's supervisor is told");
			this.timeline.record(item.caseId(), "ITEM_OVERDUE", "hub:sla", detail);
			this.events.publishEvent(item);
			log.warn("Case {}: {} at {} is overdue (due {})", item.caseNo(), item.type(), item.agency(), item.dueAt());
		}
		return overdue.size();
	}

}
