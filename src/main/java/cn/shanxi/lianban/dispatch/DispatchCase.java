package cn.shanxi.lianban.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.ApplicationAccepted;
import cn.shanxi.lianban.casefile.CaseMayProceed;
import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.casefile.WorkItems;
import cn.shanxi.lianban.delivery.Outbox;
import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import cn.shanxi.lianban.mapping.MappingException;
import cn.shanxi.lianban.mapping.Substitution;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "dispatch a case": once a case may proceed (its death certificate is on
 * record, {@link CaseMayProceed}), each pending work item is rendered with its agency's
 * mapping and put in the outbox — work items, outbox rows and the timeline event in the
 * caller's transaction. Also, at acceptance, a family's request for the death certificate
 * itself goes to its issuer when no certificate is on record yet.
 */
@Service
public class DispatchCase {

	private static final Logger log = LoggerFactory.getLogger(DispatchCase.class);

	private final JdbcClient jdbc;

	private final WorkItems workItems;

	private final CaseTimeline timeline;

	private final AgencyCatalogue agencies;

	private final ItemMessages messages;

	private final DeathCertificates certificates;

	private final Outbox outbox;

	private final ObjectMapper json;

	private final Clock clock;

	private final CaseContexts contexts;

	DispatchCase(JdbcClient jdbc, WorkItems workItems, CaseTimeline timeline, AgencyCatalogue agencies,
			ItemMessages messages, DeathCertificates certificates, Outbox outbox, ObjectMapper json, Clock clock,
			CaseContexts contexts) {
		this.contexts = contexts;
		this.jdbc = jdbc;
		this.workItems = workItems;
		this.timeline = timeline;
		this.agencies = agencies;
		this.messages = messages;
		this.certificates = certificates;
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onCaseMayProceed(CaseMayProceed event) {
		dispatch(event.caseId());
	}

	/**
	 * After the other listeners of the acceptance (certificate matching may find the
	 * certificate on record and dispatch the whole case first).
	 */
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	@Transactional
	public void onApplicationAccepted(ApplicationAccepted event) {
		if (!event.createdWith(WorkItemType.DEATH_CERTIFICATE.name(), WorkItemStatus.PENDING)) {
			return;
		}
		// read again: certificate matching, which ran before, may have moved the item
		List<WorkItems.Row> asked = this.workItems.ofCase(event.caseId())
			.stream()
			.filter((w) -> w.type().equals(WorkItemType.DEATH_CERTIFICATE.name())
					&& w.status() == WorkItemStatus.PENDING)
			.toList();
		if (asked.isEmpty()) {
			return;
		}
		if (this.certificates.onRecord(event.deceasedIdNumber()).isPresent()) {
			asked.forEach((w) -> certificateOnRecord(w));
			return;
		}
		send(event.caseId(), caseContext(event.caseId()), null, asked, "DEATH_CERTIFICATE_REQUESTED");
	}

	/** Sends every pending work item of the case; items already sent are left alone. */
	@Transactional
	public void dispatch(long caseId) {
		ObjectNode caseNode = caseContext(caseId);
		JsonNode certificate = this.certificates.onRecord(caseNode.path("deceased").path("idNumber").asText())
			.orElse(null);
		if (certificate == null) {
			// a case proceeds on its death certificate: without it, the agencies'
			// messages would lack the death's facts (and the items would go to the
			// window for that)
			log.warn("Case {} may proceed but no death certificate is on record: nothing dispatched",
					caseNode.path("caseNo").asText());
			return;
		}
		List<WorkItems.Row> pending = new ArrayList<>();
		for (WorkItems.Row w : this.workItems.ofCase(caseId)) {
			if (w.type().equals(WorkItemType.DEATH_CERTIFICATE.name())) {
				// asked for, maybe already sent to its issuer: the certificate is
				// here now
				if (!w.status().isFinal()) {
					certificateOnRecord(w);
				}
			}
			else if (w.status() == WorkItemStatus.PENDING) {
				pending.add(w);
			}
		}
		send(caseId, caseNode, certificate, pending, "DISPATCHED");
	}

	private void certificateOnRecord(WorkItems.Row item) {
		if (this.outbox.cancel(item.id(), "the death certificate is on record: nothing to ask for")) {
			log.info("Work item {}: the death certificate arrived, its request withdrawn", item.id());
		}
		this.workItems.move(item.id(), WorkItemStatus.DONE, null);
	}

	private void send(long caseId, ObjectNode caseNode, JsonNode certificate, List<WorkItems.Row> items, String event) {
		Instant now = this.clock.instant();
		List<Outbox.NewMessage> toSend = new ArrayList<>();
		List<Map<String, Object>> offline = new ArrayList<>();
		List<String> parked = new ArrayList<>();
		List<String> waiting = new ArrayList<>();
		List<String> substituted = new ArrayList<>();
		for (WorkItems.Row item : items) {
			Optional<Agency> agency = this.agencies.settings(item.agency());
			if (agency.isEmpty() || !sends(agency.get())) {
				// nothing to send (the funeral home's record comes by itself): no
				// clock runs until there is something to wait for
				waiting.add(item.type());
				if (agency.isEmpty()) {
					log.warn("Work item {} {}: agency {} is not configured (lianban.agencies), nothing sent", item.id(),
							item.type(), item.agency());
				}
				continue;
			}
			ItemMessages.Result result = this.messages.render(caseNode, certificate, item, agency.get(), now);
			if (result.error() != null) {
				if (FailureOwner.agencyCannotTake(result.error())) {
					offline.add(toWindow(item, result.error()));
				}
				else {
					parked.add(park(item, agency.get(), caseNode.path("caseNo").asText(), result.error()));
				}
				continue;
			}
			if (!result.substitutions().isEmpty()) {
				this.jdbc.sql("update work_item set substitutions = cast(? as jsonb) where id = ?")
					.params(write(result.substitutions()), item.id())
					.update();
				substituted.add(item.type());
			}
			toSend.add(result.message());
		}
		int added = this.outbox.add(toSend);
		if (items.isEmpty()) {
			return;
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("messages", added);
		detail.put("agencies", new TreeSet<>(toSend.stream().map(Outbox.NewMessage::agency).toList()));
		if (!waiting.isEmpty()) {
			detail.put("waiting", waiting);
		}
		if (!offline.isEmpty()) {
			detail.put("offline", offline);
		}
		if (!parked.isEmpty()) {
			// what the family may read: which items wait, not the hub's technical reason
			detail.put("parked", parked);
		}
		if (!substituted.isEmpty()) {
			detail.put("substituted", substituted);
		}
		this.timeline.record(caseId, event, "hub", detail);
		log.debug("Case {}: {} messages in the outbox, {} items to the window", caseNode.path("caseNo").asText(), added,
				offline.size());
	}

	private static boolean sends(Agency agency) {
		return agency.mapping() != null && !agency.mapping().isBlank()
				&& agency.transport() != AgencyProperties.Transport.NONE;
	}

	/**
	 * The agency's system cannot take this item as it is (a name its charset cannot hold,
	 * a value too long for its field): the family is told to go to the window, with the
	 * reason.
	 */
	private Map<String, Object> toWindow(WorkItems.Row item, MappingException error) {
		Map<String, Object> reason = new LinkedHashMap<>();
		reason.put("rule", "mapping." + error.code());
		reason.put("seed", "方案三(三)：无法线上办理的事项线下办理");
		reason.put("zh", "该事项无法线上推送至办理部门，请到窗口线下办理：" + error.messageZh());
		reason.put("en",
				"This item cannot be sent to the agency online; it is handled at the window: " + error.messageEn());
		reason.put("field", error.field());
		reason.put("mapping", error.mappingId());
		this.workItems.move(item.id(), WorkItemStatus.OFFLINE_REQUIRED, write(reason));
		log.info("Work item {} {} goes to the window: {}", item.id(), item.type(), error.code());
		return Map.of("item", item.type(), "code", error.code());
	}

	/**
	 * The hub could not render the item for a reason of its own making: nothing goes to
	 * the family, the item waits PARKED for an operator (the reason in
	 * {@code /api/v1/parked} and the message log) who replays it once mended.
	 */
	private String park(WorkItems.Row item, Agency agency, String caseNo, MappingException error) {
		String reason = error.getMessage();
		this.outbox.parkUnrendered(item.id(), item.caseId(), item.agency(), ItemMessages.dedupKey(caseNo, item.type()),
				agency.mapping(), reason);
		this.workItems.move(item.id(), WorkItemStatus.PARKED, null);
		log.warn("Work item {} {} of case {} parked: its message cannot be rendered ({}); an operator replays it once "
				+ "mended", item.id(), item.type(), caseNo, reason);
		return item.type();
	}

	private ObjectNode caseContext(long caseId) {
		return this.contexts.of(caseId);
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
