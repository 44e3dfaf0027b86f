package cn.shanxi.lianban.status;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.casefile.WorkItems;
import cn.shanxi.lianban.status.OutcomeResult.Kind;
import cn.shanxi.lianban.status.ReplyAnomalies.Target;
import cn.shanxi.lianban.support.Masking;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "apply a reply": an agency's outcome for one work item moves the item (through
 * {@link WorkItems#move}), lands on the timeline, and — through the listeners of
 * {@code WorkItemChanged} — recomputes the case's status and tells the family, all in one
 * transaction. A reply that cannot be applied (unknown, repeated, backwards,
 * contradicting, from another agency) is kept as an anomaly and answered as such: never
 * applied twice, never lost.
 */
@Service
public class ApplyItemOutcome {

	private static final Logger log = LoggerFactory.getLogger(ApplyItemOutcome.class);

	private final JdbcClient jdbc;

	private final WorkItems workItems;

	private final CaseTimeline timeline;

	private final ReplyAnomalies anomalies;

	private final ObjectProvider<WorkItemReferences> references;

	private final ObjectMapper json;

	private final Clock clock;

	ApplyItemOutcome(JdbcClient jdbc, WorkItems workItems, CaseTimeline timeline, ReplyAnomalies anomalies,
			ObjectProvider<WorkItemReferences> references, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.workItems = workItems;
		this.timeline = timeline;
		this.anomalies = anomalies;
		this.references = references;
		this.json = json;
		this.clock = clock;
	}

	private record Item(long id, long caseId, String caseNo, String type, String agency, WorkItemStatus status,
			Instant dueAt) {

		Target target() {
			return new Target(this.caseId, this.id, this.type, this.agency, this.status);
		}

	}

	@Transactional
	public OutcomeResult apply(ItemOutcome outcome) {
		Optional<Item> found = resolve(outcome.item()).flatMap(this::lock);
		if (found.isEmpty()) {
			long anomaly = this.anomalies.keep(Kind.UNKNOWN_REFERENCE, outcome,
					new Target(null, null, null, null, null), "没有与该回执对应的工作事项",
					"No work item matches this reply's reference");
			return new OutcomeResult(Kind.UNKNOWN_REFERENCE, null, null, null, anomaly);
		}
		Item item = found.get();
		WorkItemStatus to = outcome.status();
		if (outcome.agency() != null && !outcome.agency().equals(item.agency())) {
			return refuse(Kind.WRONG_AGENCY, outcome, item, "该事项不由回执来源部门办理（应为 " + item.agency() + "）",
					"The item is not at the replying agency but at " + item.agency());
		}
		if (item.status() == to) {
			return refuse(Kind.DUPLICATE, outcome, item, "重复回执：事项已是 " + to,
					"Repeated reply: the item is already " + to);
		}
		if (item.status().isFinal()) {
			return to.isFinal()
					? refuse(Kind.CONFLICTING, outcome, item, "事项已以 " + item.status() + " 结束，不能再改为 " + to,
							"The item already ended as " + item.status() + "; it cannot become " + to)
					: refuse(Kind.BACKWARDS, outcome, item, "迟到的回执：事项已是 " + item.status() + "，不能退回 " + to,
							"Late reply: the item is already " + item.status() + " and does not go back to " + to);
		}
		if (to.rank() < item.status().rank()) {
			return refuse(Kind.BACKWARDS, outcome, item, "迟到的回执：事项已是 " + item.status() + "，不能退回 " + to,
					"Late reply: the item is already " + item.status() + " and does not go back to " + to);
		}
		return applyForward(outcome, item);
	}

	private OutcomeResult applyForward(ItemOutcome outcome, Item item) {
		Instant now = this.clock.instant();
		boolean late = item.dueAt() != null && now.isAfter(item.dueAt());
		String account = Masking.mask(outcome.account());
		Map<String, Object> reason = reason(outcome, item);
		// amount and account first: the listeners of the move tell the family about them
		this.jdbc.sql("""
				update work_item set amount = coalesce(?, amount), paid_to_account = coalesce(?, paid_to_account),
				    overdue = overdue or ? where id = ?
				""").params(outcome.amount(), account, late, item.id()).update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("item", item.type());
		detail.put("agency", item.agency());
		detail.put("from", item.status().name());
		detail.put("to", outcome.status().name());
		if (reason != null) {
			detail.put("reason", reason.get("text"));
			detail.put("reasonCode", reason.get("code"));
		}
		putIfPresent(detail, "amount", outcome.amount());
		putIfPresent(detail, "account", account);
		if (late) {
			detail.put("late", true);
			detail.put("dueAt", item.dueAt().toString());
		}
		// the item's event before whatever it causes (the case completing)
		this.timeline.record(item.caseId(), "ITEM_" + outcome.status().name(), outcome.source(), detail);
		this.workItems.move(item.id(), outcome.status(), (reason != null) ? write(reason) : null)
			.orElseThrow(() -> new IllegalStateException("Work item " + item.id() + " did not move though locked"));
		log.info("Case {}: {} at {} moved {} -> {}{} ({})", item.caseNo(), item.type(), item.agency(), item.status(),
				outcome.status(), late ? ", late" : "", outcome.source());
		return new OutcomeResult(Kind.APPLIED, item.id(), item.caseNo(), outcome.status(), null);
	}

	private Map<String, Object> reason(ItemOutcome outcome, Item item) {
		if (outcome.status() == WorkItemStatus.OFFLINE_REQUIRED) {
			return OfflineReason.of(outcome.reasonCode()).asReason(outcome.reasonText());
		}
		if (outcome.status() != WorkItemStatus.REJECTED) {
			return null;
		}
		String says = (outcome.reasonText() != null && !outcome.reasonText().isBlank()) ? outcome.reasonText()
				: "未说明原因";
		Map<String, Object> reason = new LinkedHashMap<>();
		reason.put("code", (outcome.reasonCode() != null) ? outcome.reasonCode() : "AGENCY_REFUSED");
		reason.put("zh", AgencyNames.zh(item.agency()) + "退回：" + says);
		reason.put("en", "Refused by " + item.agency() + ": " + says);
		reason.put("agencySays", says);
		reason.put("text", reason.get("zh") + "。如有疑问请到政务服务中心窗口咨询。 / " + reason.get("en")
				+ ". Ask at the government service centre's window if in doubt.");
		return reason;
	}

	private OutcomeResult refuse(Kind kind, ItemOutcome outcome, Item item, String zh, String en) {
		long anomaly = this.anomalies.keep(kind, outcome, item.target(), zh, en);
		return new OutcomeResult(kind, item.id(), item.caseNo(), item.status(), anomaly);
	}

	private Optional<Long> resolve(ItemOutcome.ItemRef ref) {
		if (ref.workItemId() != null) {
			return Optional.of(ref.workItemId());
		}
		if (ref.reference() == null || ref.reference().isBlank()) {
			return Optional.empty();
		}
		return this.references.orderedStream()
			.map((r) -> r.workItemId(ref.reference()))
			.flatMap(Optional::stream)
			.findFirst();
	}

	/**
	 * Locks the case, then the item: the order every writer of both keeps (the
	 * certificate matching locks cases first too).
	 */
	private Optional<Item> lock(long workItemId) {
		Optional<Long> caseId = this.jdbc.sql(
				"select c.id from case_file c join work_item w on w.case_id = c.id where w.id = ? for no key update of c")
			.param(workItemId)
			.query(Long.class)
			.optional();
		if (caseId.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select w.id, w.case_id, c.case_no, w.type, w.agency, w.status, w.due_at
				from work_item w join case_file c on c.id = w.case_id where w.id = ? for update of w
				""")
			.param(workItemId)
			.query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					WorkItemStatus.valueOf(rs.getString(6)),
					(rs.getTimestamp(7) != null) ? rs.getTimestamp(7).toInstant() : null))
			.optional();
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
