package cn.shanxi.lianban;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.shanxi.lianban.casefile.CaseMayProceed;
import cn.shanxi.lianban.casefile.CaseRecords;
import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.casefile.WorkItems;
import cn.shanxi.lianban.delivery.Outbox;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases for tests of what happens after intake: applied for over real HTTP, then moved on
 * as the certificate matching and dispatch do it (in a transaction, publishing the same
 * events), where those live in other packages.
 */
public final class Cases {

	private final HubApi api;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final CaseRecords records;

	private final CaseTimeline timeline;

	private final WorkItems workItems;

	private final ApplicationEventPublisher events;

	private final Outbox outbox;

	public Cases(int port, ApplicationContext context) {
		this.api = new HubApi(port);
		this.jdbc = context.getBean(JdbcClient.class);
		this.tx = context.getBean(TransactionTemplate.class);
		this.records = context.getBean(CaseRecords.class);
		this.timeline = context.getBean(CaseTimeline.class);
		this.workItems = context.getBean(WorkItems.class);
		this.events = context;
		this.outbox = context.getBean(Outbox.class);
	}

	/** A stored case. */
	public record Case(long id, String caseNo) {
	}

	/** Applies with the form (over HTTP, the web channel). */
	public Case apply(ObjectNode form) {
		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());
		if (answer.status() != 201) {
			throw new AssertionError("Application refused: " + answer.body());
		}
		String caseNo = answer.json().get("caseNo").asText();
		long id = this.jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).single();
		return new Case(id, caseNo);
	}

	/** The contract's example, for a new deceased. */
	public Case apply() {
		return apply(Forms.fresh());
	}

	/**
	 * The death certificate matched: the case is eligible and may proceed. Dispatch puts
	 * its items' messages in the outbox; these tests play the agencies themselves
	 * ({@link #sent} and the replies), so the messages are withdrawn in the same
	 * transaction and the outbox relay never races the test.
	 */
	public void eligible(Case c) {
		this.tx.executeWithoutResult((status) -> {
			this.records.changeStatus(c.id(), CaseStatus.IN_PROGRESS, null);
			this.timeline.record(c.id(), "CASE_ELIGIBLE", "test", Map.of());
			this.events.publishEvent(new CaseMayProceed(c.id(), c.caseNo()));
			this.workItems.ofCase(c.id())
				.forEach((item) -> this.outbox.cancel(item.id(), "the test plays the agencies"));
		});
	}

	/** The case's work items by type. */
	public Map<String, Long> items(Case c) {
		Map<String, Long> items = new LinkedHashMap<>();
		this.workItems.ofCase(c.id()).forEach((row) -> items.put(row.type(), row.id()));
		return items;
	}

	/** Sent to its agency, its clock running until {@code dueAt}. */
	public void sent(long workItemId, Instant dueAt) {
		this.tx.executeWithoutResult((status) -> {
			this.workItems.move(workItemId, WorkItemStatus.SENT, null);
			this.jdbc.sql("update work_item set due_at = ? where id = ?")
				.params(Timestamp.from(dueAt), workItemId)
				.update();
		});
	}

	public String status(Case c) {
		return this.jdbc.sql("select status from case_file where id = ?").param(c.id()).query(String.class).single();
	}

	public String itemStatus(long workItemId) {
		return this.jdbc.sql("select status from work_item where id = ?")
			.param(workItemId)
			.query(String.class)
			.single();
	}

	/** Timeline event types, in order. */
	public List<String> timeline(Case c) {
		return this.jdbc.sql("select type from case_event where case_id = ? order by id")
			.param(c.id())
			.query(String.class)
			.list();
	}

	/** Events of the outbox of one channel: {@code EVENT} or {@code EVENT:itemType}. */
	public List<String> outbox(Case c, String channel) {
		return this.jdbc.sql("""
				select o.event || coalesce(':' || w.type, '') from notification_outbox o
				left join work_item w on w.id = o.work_item_id
				where o.case_id = ? and o.channel = ? order by o.id
				""").params(c.id(), channel).query(String.class).list();
	}

}
