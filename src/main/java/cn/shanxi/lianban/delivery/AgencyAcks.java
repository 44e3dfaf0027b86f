package cn.shanxi.lianban.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.Parsed;
import org.springframework.stereotype.Component;

/**
 * Reads an agency's synchronous answer with its mapping (e.g. the medical insurance
 * platform's infcode): {@code reply.status} ACCEPTED or REJECTED, {@code reply.reason},
 * {@code reply.agencyReference}. The message was delivered whatever the answer says; an
 * answer that does not parse leaves the item SENT and says why in the message log.
 */
@Component("agencyAcks")
class AgencyAcks {

	private static final Logger log = LoggerFactory.getLogger(AgencyAcks.class);

	private final MappingEngine engine;

	private final DeliveryOutcomes outcomes;

	AgencyAcks(MappingEngine engine, DeliveryOutcomes outcomes) {
		this.engine = engine;
		this.outcomes = outcomes;
	}

	public void read(Exchange exchange, String mappingId) {
		Message message = exchange.getMessage();
		byte[] body = message.getBody(byte[].class);
		message.setBody(body);
		Outcome delivered = Outcome.delivered(this.outcomes.cut(this.outcomes.answer(message)));
		Parsed parsed = this.engine.parse(mappingId, (body != null) ? body : new byte[0]);
		if (!parsed.isValid() || parsed.records().isEmpty()) {
			log.warn("The answer of {} to {} does not read as {}: {}", exchange.getProperty("lianbanAgency"),
					exchange.getProperty("lianbanDedupKey"), mappingId, parsed.errors());
			exchange.setProperty(Outcome.PROPERTY, Outcome.delivered(this.outcomes
				.cut("answer unreadable as " + mappingId + " " + parsed.errors() + " — " + delivered.answer())));
			return;
		}
		ObjectNode record = parsed.records().get(0);
		JsonNode reply = record.path("reply");
		String reference = text(reply, "reference");
		Object expected = exchange.getProperty("lianbanDedupKey");
		if (reference != null && !reference.equals(expected)) {
			exchange.setProperty(Outcome.PROPERTY, Outcome.delivered(this.outcomes
				.cut("answer is about " + reference + ", not " + expected + " — " + delivered.answer())));
			return;
		}
		boolean accepted = "ACCEPTED".equals(text(reply, "status"));
		exchange.setProperty(Outcome.PROPERTY,
				delivered.withAck(new Outcome.Ack(accepted, text(reply, "reason"), text(reply, "agencyReference"))));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asText();
	}

}
