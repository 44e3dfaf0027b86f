package cn.shanxi.lianban.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.CaseMayProceed;
import cn.shanxi.lianban.casefile.CaseRecords;
import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.WorkItemChanged;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.casefile.WorkItems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a case's status in step with its work items ({@link CaseStatusRule}), in the
 * transaction that moved the item or made the case eligible. The case row is locked
 * first, so that two items ending at the same moment in two transactions cannot both miss
 * that the other one ended.
 */
@Component
class CaseStatusFollowsItems {

	private static final Logger log = LoggerFactory.getLogger(CaseStatusFollowsItems.class);

	private final JdbcClient jdbc;

	private final WorkItems workItems;

	private final CaseRecords cases;

	private final CaseTimeline timeline;

	private final ApplicationEventPublisher events;

	CaseStatusFollowsItems(JdbcClient jdbc, WorkItems workItems, CaseRecords cases, CaseTimeline timeline,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.workItems = workItems;
		this.cases = cases;
		this.timeline = timeline;
		this.events = events;
	}

	/** Only an item that ended can end a case; other moves leave it in progress. */
	@EventListener
	void itemChanged(WorkItemChanged changed) {
		if (changed.to().isFinal()) {
			recompute(changed.caseId());
		}
	}

	/**
	 * Eligibility is known: a case whose items all went to the window at acceptance ends
	 * now.
	 */
	@EventListener
	void mayProceed(CaseMayProceed proceed) {
		// nearly every case has items still to send: seen without locking the case.
		// A case that can end now had them all ended before (at acceptance), so this
		// read, which sees what is committed, finds it.
		List<WorkItemStatus> items = this.workItems.ofCase(proceed.caseId())
			.stream()
			.map(WorkItems.Row::status)
			.toList();
		if (items.stream().anyMatch((s) -> !s.isFinal())) {
			return;
		}
		recompute(proceed.caseId());
	}

	void recompute(long caseId) {
		// NO KEY UPDATE: timeline inserts of other transactions (KEY SHARE) are not
		// blocked
		Optional<String[]> row = this.jdbc.sql("select case_no, status from case_file where id = ? for no key update")
			.param(caseId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (row.isEmpty()) {
			return;
		}
		String caseNo = row.get()[0];
		CaseStatus current = CaseStatus.valueOf(row.get()[1]);
		List<WorkItemStatus> items = this.workItems.ofCase(caseId).stream().map(WorkItems.Row::status).toList();
		Optional<CaseStatus> next = CaseStatusRule.next(current, items);
		if (next.isEmpty()) {
			return;
		}
		int done = count(items, WorkItemStatus.DONE);
		int offline = count(items, WorkItemStatus.OFFLINE_REQUIRED);
		int rejected = count(items, WorkItemStatus.REJECTED);
		String zh = (next.get() == CaseStatus.COMPLETED) ? "全部事项已办结"
				: "已办结：" + done + "项已办成，" + offline + "项需到窗口办理，" + rejected + "项被部门退回";
		String en = (next.get() == CaseStatus.COMPLETED) ? "Every item is done" : "Completed: " + done + " done, "
				+ offline + " to be handled at the window, " + rejected + " refused by their agency";
		this.cases.changeStatus(caseId, next.get(), zh + " / " + en);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("done", done);
		detail.put("offline", offline);
		detail.put("rejected", rejected);
		detail.put("zh", zh);
		detail.put("en", en);
		this.timeline.record(caseId, "CASE_" + next.get().name(), "hub", detail);
		this.events.publishEvent(new CaseCompleted(caseId, caseNo, next.get(), done, offline, rejected));
		log.info("Case {} is {} ({} done, {} offline, {} rejected)", caseNo, next.get(), done, offline, rejected);
	}

	private static int count(List<WorkItemStatus> items, WorkItemStatus status) {
		return (int) items.stream().filter((s) -> s == status).count();
	}

}
