package cn.shanxi.lianban.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.dispatch.WorkItemType;
import cn.shanxi.lianban.notification.NotificationOutbox.Channel;
import cn.shanxi.lianban.sla.WorkItemOverdue;
import cn.shanxi.lianban.status.AgencyNames;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells an agency's supervisor that one of its items is past its promised time (承诺时限): a
 * JSON POST to the agency's webhook, through the notification outbox (once per item,
 * retried, never blocking the overdue job). The body names the case and the item, never a
 * person. Also the beans of {@code routes/escalation-webhooks.camel.yaml}.
 */
@Component
public class Escalations {

	/** The exchange property with the URL the route posts to. */
	public static final String URL = "lianbanWebhookUrl";

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final NotificationOutbox outbox;

	private final SupervisorWebhooks webhooks;

	private final ObjectMapper json;

	Escalations(NotificationOutbox outbox, SupervisorWebhooks webhooks, ObjectMapper json) {
		this.outbox = outbox;
		this.webhooks = webhooks;
		this.json = json;
	}

	@EventListener
	void overdue(WorkItemOverdue overdue) throws JsonProcessingException {
		if (this.webhooks.urlOf(overdue.agency()).isEmpty()) {
			log.warn(
					"Case {}: {} at {} is overdue but no supervisor webhook is configured "
							+ "(lianban.escalation.agencies.{}.webhook-url)",
					overdue.caseNo(), overdue.type(), overdue.agency(), overdue.agency());
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", "WORK_ITEM_OVERDUE");
		body.put("caseNo", overdue.caseNo());
		body.put("item", overdue.type());
		body.put("itemName", itemName(overdue.type()));
		body.put("agency", overdue.agency());
		body.put("agencyName", AgencyNames.zh(overdue.agency()));
		body.put("status", overdue.status().name());
		body.put("dueAt", beijing(overdue.dueAt()));
		body.put("detectedAt", beijing(overdue.detectedAt()));
		body.put("message", "联办事项已超过承诺时限，请督办 / A joint-service item is past its promised time limit");
		this.outbox.enqueue(Channel.WEBHOOK, overdue.caseId(), overdue.workItemId(), "ITEM_OVERDUE", overdue.agency(),
				this.json.writeValueAsString(body));
	}

	public List<NotificationOutbox.Message> claim() {
		return this.outbox.claim(Channel.WEBHOOK);
	}

	public void request(Exchange exchange) {
		Message in = exchange.getMessage();
		NotificationOutbox.Message webhook = in.getBody(NotificationOutbox.Message.class);
		exchange.setProperty(NotificationOutbox.ROW, webhook.id());
		String url = this.webhooks.urlOf(webhook.recipient())
			.orElseThrow(() -> new IllegalStateException("No webhook URL for agency " + webhook.recipient()));
		exchange.setProperty(URL, url);
		in.getHeaders().clear();
		in.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
		in.setHeader("Idempotency-Key", "lianban-escalation-" + webhook.id());
		in.setBody(webhook.payload());
	}

	public void delivered(Exchange exchange) {
		this.outbox.delivered(exchange);
	}

	/** Times as the API gives them: ISO-8601 in Beijing time. */
	private static String beijing(Instant instant) {
		return instant.atZone(CHINA).toOffsetDateTime().toString();
	}

	private static String itemName(String type) {
		try {
			return WorkItemType.valueOf(type).zh();
		}
		catch (IllegalArgumentException ex) {
			return type;
		}
	}

}
