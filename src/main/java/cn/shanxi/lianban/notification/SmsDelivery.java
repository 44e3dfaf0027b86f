package cn.shanxi.lianban.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import org.springframework.stereotype.Component;

/**
 * The beans of {@code routes/sms-notifications.camel.yaml}: claim due SMS, turn each into
 * the gateway's request, mark it delivered. The gateway gets
 * {@code {"messageId","phone","text","event"}} as JSON and an {@code Idempotency-Key}, so
 * it can recognise a message sent again after a crash mid-send.
 */
@Component
public class SmsDelivery {

	private final NotificationOutbox outbox;

	private final ObjectMapper json;

	SmsDelivery(NotificationOutbox outbox, ObjectMapper json) {
		this.outbox = outbox;
		this.json = json;
	}

	public List<NotificationOutbox.Message> claim() {
		return this.outbox.claim(NotificationOutbox.Channel.SMS);
	}

	public void request(Exchange exchange) throws JsonProcessingException {
		Message in = exchange.getMessage();
		NotificationOutbox.Message sms = in.getBody(NotificationOutbox.Message.class);
		exchange.setProperty(NotificationOutbox.ROW, sms.id());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messageId", "lianban-sms-" + sms.id());
		body.put("phone", sms.phone());
		body.put("text", sms.payload());
		body.put("event", sms.event());
		in.getHeaders().clear();
		in.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
		in.setHeader("Idempotency-Key", "lianban-sms-" + sms.id());
		in.setBody(this.json.writeValueAsBytes(body));
	}

	public void delivered(Exchange exchange) {
		this.outbox.delivered(exchange);
	}

}
