package cn.shanxi.lianban.dispatch;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.WorkItems;
import cn.shanxi.lianban.delivery.Outbox;
import cn.shanxi.lianban.delivery.UnrenderedReplay;
import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import cn.shanxi.lianban.support.Problem;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An operator replays a message the hub could not render: it is rendered now from the
 * case and its death certificate as they are, with the mappings as they are (mended
 * meanwhile), in the replay's transaction. Still failing, the replay is refused with the
 * reason and the row stays parked.
 */
@Component
class RenderAgain {

	private static final Logger log = LoggerFactory.getLogger(RenderAgain.class);

	private final CaseContexts contexts;

	private final DeathCertificates certificates;

	private final WorkItems workItems;

	private final AgencyCatalogue agencies;

	private final ItemMessages messages;

	private final Outbox outbox;

	private final Clock clock;

	RenderAgain(CaseContexts contexts, DeathCertificates certificates, WorkItems workItems, AgencyCatalogue agencies,
			ItemMessages messages, Outbox outbox, Clock clock) {
		this.contexts = contexts;
		this.certificates = certificates;
		this.workItems = workItems;
		this.agencies = agencies;
		this.messages = messages;
		this.outbox = outbox;
		this.clock = clock;
	}

	@EventListener
	void onReplay(UnrenderedReplay replay) {
		ObjectNode caseNode = this.contexts.of(replay.caseId());
		JsonNode certificate = this.certificates.onRecord(caseNode.path("deceased").path("idNumber").asText())
			.orElse(null);
		WorkItems.Row item = this.workItems.ofCase(replay.caseId())
			.stream()
			.filter((w) -> w.id() == replay.workItemId())
			.findFirst()
			.orElseThrow();
		Agency agency = this.agencies.settings(item.agency())
			.orElseThrow(() -> new ProblemException(Problem.of(409, "replay.noAgency", "该部门未配置，无法重发",
					"The agency is not configured: nothing to replay to", item.agency())));
		ItemMessages.Result result = this.messages.render(caseNode, certificate, item, agency, this.clock.instant());
		if (result.error() != null) {
			log.warn("Replay of outbox message {} refused: still not rendered ({})", replay.outboxId(),
					result.error().getMessage());
			throw new ProblemException(Problem
				.of(409, "replay.notRendered", "该消息仍无法生成，请先修正映射或数据",
						"The message still cannot be rendered: mend the mapping or the data first", null)
				.withErrors(List.of(result.error().toFieldError())));
		}
		this.outbox.rendered(replay.outboxId(), result.message());
		log.info("Outbox message {} rendered on its replay", replay.outboxId());
	}

}
