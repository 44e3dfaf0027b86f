package cn.shanxi.lianban.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.WorkItemChanged;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.casefile.WorkItems;
import cn.shanxi.lianban.dispatch.AgencyProperties.Retry;
import cn.shanxi.lianban.sla.TimeLimits;
import cn.shanxi.lianban.support.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of a delivery attempt, in one transaction: the outbox row (or
 * batch), the work items (through {@link WorkItems#moveAll}), their due times, the
 * message log and the case timeline. A delivery that was already recorded (an instance
 * that outlived its lease) changes nothing twice.
 */
@Component
class DeliveryRecords {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRecords.class);

	// case and work item from the outbox row itself (V8: the log has no foreign keys
	// of its own for them)
	private static final String LOG = """
			insert into message_log (outbox_id, case_id, work_item_id, batch_id, attempt, at, event, instance, answer)
			select o.id, o.case_id, o.work_item_id, ?, ?, ?, ?, ?, ? from outbox_message o where o.id = ?
			""";

	private final JdbcClient jdbc;

	private final WorkItems workItems;

	private final CaseTimeline timeline;

	private final TimeLimits timeLimits;

	private final ObjectMapper json;

	private final Clock clock;

	DeliveryRecords(JdbcClient jdbc, WorkItems workItems, CaseTimeline timeline, TimeLimits timeLimits,
			ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.workItems = workItems;
		this.timeline = timeline;
		this.timeLimits = timeLimits;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records a batch of outcomes in one transaction: the delivered ones set-wise, the
	 * failed ones (rare) one by one.
	 */
	@Transactional
	public void record(List<OutcomeRecorder.Entry> entries, String instance) {
		List<OutcomeRecorder.Entry> delivered = new ArrayList<>();
		for (OutcomeRecorder.Entry e : entries) {
			if (e.outcome().delivered()) {
				delivered.add(e);
			}
			else {
				failed(e.delivery(), e.outcome(), e.lane().retry(), instance);
			}
		}
		if (!delivered.isEmpty()) {
			delivered(delivered, instance);
		}
	}

	private void delivered(List<OutcomeRecorder.Entry> entries, String instance) {
		Instant now = this.clock.instant();
		Timestamp at = Timestamp.from(now);
		Long[] batches = entries.stream()
			.map(OutcomeRecorder.Entry::delivery)
			.filter((d) -> d.kind() == Delivery.Kind.BATCH)
			.map(Delivery::id)
			.toArray(Long[]::new);
		if (batches.length > 0) {
			this.jdbc.sql("""
					update outbox_batch set status = 'DELIVERED', delivered_at = ?, claimed_by = null, last_error = null
					where id = any(?) and status = 'PENDING'
					""").params(at, batches).update();
		}
		Long[] outboxIds = entries.stream()
			.flatMap((e) -> e.delivery().members().stream())
			.map(Delivery.Member::outboxId)
			.toArray(Long[]::new);
		// only those not recorded already (by an instance that outlived its lease)
		Set<Long> updated = new HashSet<>(this.jdbc.sql("""
				update outbox_message set status = 'DELIVERED', delivered_at = ?, claimed_by = null, last_error = null
				where id = any(?) and status in ('PENDING', 'BATCHED') returning id
				""").params(at, outboxIds).query(Long.class).list());
		// each member recorded now, once
		List<Recorded> recorded = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (OutcomeRecorder.Entry e : entries) {
			for (Delivery.Member m : e.delivery().members()) {
				if (updated.contains(m.outboxId()) && seen.add(m.outboxId())) {
					recorded.add(new Recorded(e, m));
				}
			}
		}
		if (recorded.isEmpty()) {
			return;
		}
		Map<Long, WorkItemChanged> sent = this.workItems.moveAll(
				recorded.stream().map((r) -> r.member().workItemId()).toList(), WorkItemStatus.SENT,
				(changed) -> dueAt(changed, now));
		List<Long> accepted = new ArrayList<>();
		Map<Long, List<CaseTimeline.Entry>> events = new LinkedHashMap<>();
		for (Recorded r : recorded) {
			Delivery delivery = r.entry().delivery();
			Delivery.Member m = r.member();
			WorkItemChanged changed = sent.get(m.workItemId());
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("item", (changed != null) ? changed.type() : null);
			detail.put("agency", delivery.agency());
			detail.put("dedupKey", m.dedupKey());
			detail.put("attempt", delivery.attempt());
			if (delivery.fileName() != null) {
				detail.put("file", delivery.fileName());
			}
			List<CaseTimeline.Entry> ofCase = events.computeIfAbsent(m.caseId(), (k) -> new ArrayList<>());
			ofCase.add(new CaseTimeline.Entry("ITEM_SENT", "hub", detail));
			if (r.entry().outcome().ack() != null) {
				ofCase.add(acknowledged(m, delivery, r.entry().outcome().ack(), accepted));
			}
		}
		this.workItems.moveAll(accepted, WorkItemStatus.ACCEPTED);
		insertDeliveredLog(recorded, instance, at);
		this.timeline.recordAll(events);
	}

	/** A member of a delivery whose outcome is recorded now. */
	private record Recorded(OutcomeRecorder.Entry entry, Delivery.Member member) {
	}

	/**
	 * The agency's answer at delivery: accepted items are moved with the others
	 * ({@code accepted}), a refusal at once with its reason.
	 */
	private CaseTimeline.Entry acknowledged(Delivery.Member m, Delivery delivery, Outcome.Ack ack,
			List<Long> accepted) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("agency", delivery.agency());
		detail.put("dedupKey", m.dedupKey());
		if (ack.agencyReference() != null) {
			detail.put("agencyReference", ack.agencyReference());
		}
		if (ack.accepted()) {
			accepted.add(m.workItemId());
			return new CaseTimeline.Entry("ITEM_ACCEPTED", "agency:" + delivery.agency(), detail);
		}
		String reason = (ack.reason() != null) ? ack.reason() : "";
		this.workItems.move(m.workItemId(), WorkItemStatus.REJECTED, write(Map.of("rule", "agency.refused", "zh",
				"部门拒绝受理：" + reason, "en", "The agency refused it: " + reason, "agency", delivery.agency())));
		detail.put("reason", Masking.maskAll(reason));
		return new CaseTimeline.Entry("ITEM_REJECTED", "agency:" + delivery.agency(), detail);
	}

	/** The DELIVERED lines of the message log, in one statement. */
	private void insertDeliveredLog(List<Recorded> recorded, String instance, Timestamp at) {
		int n = recorded.size();
		Long[] outboxIds = new Long[n];
		Long[] batchIds = new Long[n];
		Integer[] attempts = new Integer[n];
		String[] answers = new String[n];
		for (int i = 0; i < n; i++) {
			Recorded r = recorded.get(i);
			Delivery d = r.entry().delivery();
			outboxIds[i] = r.member().outboxId();
			batchIds[i] = (d.kind() == Delivery.Kind.BATCH) ? d.id() : null;
			attempts[i] = d.attempt();
			answers[i] = r.entry().outcome().answer();
		}
		this.jdbc
			.sql("""
					insert into message_log (outbox_id, case_id, work_item_id, batch_id, attempt, at, event, instance, answer)
					select o.id, o.case_id, o.work_item_id, l.batch_id, l.attempt, ?, 'DELIVERED', ?, l.answer
					from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as integer[]), cast(? as text[]))
					  with ordinality as l(outbox_id, batch_id, attempt, answer, n)
					join outbox_message o on o.id = l.outbox_id
					order by l.n
					""")
			.params(at, instance, outboxIds, batchIds, attempts, answers)
			.update();
	}

	/** The agency's promised time limit (承诺时限) runs from the moment it has the item. */
	private Optional<Instant> dueAt(WorkItemChanged changed, Instant now) {
		try {
			return Optional.of(this.timeLimits.dueAt(changed.agency(), changed.type(), now));
		}
		catch (IllegalArgumentException ex) {
			log.warn("No time limit for {} at {}: {}", changed.type(), changed.agency(), ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * The attempt failed: due again after the agency's backoff, or PARKED once its
	 * attempts are spent (or at once when the agency refused the message itself).
	 */
	private boolean failed(Delivery delivery, Outcome outcome, Retry policy, String instance) {
		Instant now = this.clock.instant();
		Timestamp at = Timestamp.from(now);
		boolean park = outcome.permanent() || RetrySchedule.exhausted(policy, delivery.attempt());
		String table = (delivery.kind() == Delivery.Kind.BATCH) ? "outbox_batch" : "outbox_message";
		if (!park) {
			Instant next = RetrySchedule.next(policy, delivery.attempt(), now);
			int rows = this.jdbc.sql("update " + table + """
					 set next_attempt_at = ?, claimed_by = null, last_error = ?
					where id = ? and status = 'PENDING'
					""").params(Timestamp.from(next), outcome.answer(), delivery.id()).update();
			if (rows == 0) {
				// withdrawn (or recorded by another instance) meanwhile: nothing to retry
				return false;
			}
			for (Delivery.Member m : delivery.members()) {
				logEvent(m, delivery, "FAILED", outcome.answer(), instance, at);
			}
			log.info("Delivery of {} {} to {} failed (attempt {}), next at {}: {}", delivery.kind(),
					delivery.dedupKey(), delivery.agency(), delivery.attempt(), next,
					Masking.maskAll(outcome.answer()));
			return false;
		}
		if (delivery.kind() == Delivery.Kind.BATCH) {
			this.jdbc.sql("""
					update outbox_batch set status = 'PARKED', claimed_by = null, last_error = ?
					where id = ? and status = 'PENDING'
					""").params(outcome.answer(), delivery.id()).update();
		}
		for (Delivery.Member m : delivery.members()) {
			int rows = this.jdbc.sql("""
					update outbox_message set status = 'PARKED', parked_at = ?, claimed_by = null, last_error = ?,
					  attempts = greatest(attempts, ?)
					where id = ? and status in ('PENDING', 'BATCHED')
					""").params(at, outcome.answer(), delivery.attempt(), m.outboxId()).update();
			if (rows == 0) {
				continue;
			}
			logEvent(m, delivery, "FAILED", outcome.answer(), instance, at);
			logEvent(m, delivery, "PARKED", outcome.permanent() ? "refused by the agency: not retried"
					: "parked after " + delivery.attempt() + " attempts", instance, at);
			this.workItems.move(m.workItemId(), WorkItemStatus.PARKED, null);
			this.timeline.record(m.caseId(), "MESSAGE_PARKED", "hub", Map.of("agency", delivery.agency(), "dedupKey",
					m.dedupKey(), "attempts", delivery.attempt(), "error", Masking.maskAll(outcome.answer())));
		}
		log.warn("Delivery of {} {} to {} PARKED after {} attempts: {}", delivery.kind(), delivery.dedupKey(),
				delivery.agency(), delivery.attempt(), Masking.maskAll(outcome.answer()));
		return true;
	}

	private void logEvent(Delivery.Member m, Delivery delivery, String event, String answer, String instance,
			Timestamp at) {
		this.jdbc.sql(LOG).params(logRow(m, delivery, event, answer, instance, at)).update();
	}

	private static Object[] logRow(Delivery.Member m, Delivery delivery, String event, String answer, String instance,
			Timestamp at) {
		return new Object[] { (delivery.kind() == Delivery.Kind.BATCH) ? delivery.id() : null, delivery.attempt(), at,
				event, instance, answer, m.outboxId() };
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
