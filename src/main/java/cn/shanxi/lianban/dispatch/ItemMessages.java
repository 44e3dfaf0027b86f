package cn.shanxi.lianban.dispatch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.shanxi.lianban.casefile.WorkItems;
import cn.shanxi.lianban.delivery.DeliveryProperties;
import cn.shanxi.lianban.delivery.Outbox;
import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import cn.shanxi.lianban.mapping.Format;
import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.MappingException;
import cn.shanxi.lianban.mapping.Rendered;
import cn.shanxi.lianban.mapping.Substitution;
import cn.shanxi.lianban.support.Digits;
import org.springframework.stereotype.Component;

/**
 * Renders a work item's message with its agency's mapping. The mapping sees the case (the
 * form with caseNo, channel, createdAt), the death certificate, the item (id, type,
 * agency, dedupKey) and the message (id, sentAt, sender). An item whose agency's charset
 * cannot hold a name, or whose values do not fit, gets the mapping's error instead — the
 * caller sends it to the window.
 */
@Component
class ItemMessages {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The mapping engine failed in an unforeseen way (a bug, not the data). */
	static final String RENDER_FAILED = "RENDER_FAILED";

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private final MappingEngine engine;

	private final ObjectMapper json;

	private final String sender;

	ItemMessages(MappingEngine engine, ObjectMapper json, DeliveryProperties delivery) {
		this.engine = engine;
		this.json = json;
		this.sender = delivery.sender();
	}

	/** A rendered message, or why there is none. */
	record Result(Outbox.NewMessage message, List<Substitution> substitutions, MappingException error) {
	}

	/**
	 * The stable key that goes with the message on every transport. A reply's reference
	 * is read back as case number and item type (delivery's {@code OutboxReferences}): a
	 * case number has no '-'.
	 */
	static String dedupKey(String caseNo, String itemType) {
		return caseNo + "-" + itemType;
	}

	Result render(ObjectNode caseNode, JsonNode certificate, WorkItems.Row item, Agency agency, Instant now) {
		String caseNo = caseNode.path("caseNo").asText();
		String dedupKey = dedupKey(caseNo, item.type());
		UUID messageId = UUID.randomUUID();
		ObjectNode context = this.json.createObjectNode();
		context.set("case", caseNode);
		if (certificate != null) {
			context.set("certificate", certificate);
		}
		context.putObject("item")
			.put("id", item.id())
			.put("type", item.type())
			.put("agency", item.agency())
			.put("dedupKey", dedupKey);
		context.putObject("message")
			.put("id", messageId.toString())
			.put("sentAt", ISO.format(now.atZone(CHINA)))
			.put("sender", this.sender);
		// a file format gets the item as a file of one record; the real file is made when
		// the batch is
		ObjectNode batch = this.json.createObjectNode()
			.put("fileId", "W" + Digits.zeroPadded(item.id(), 11))
			.put("createdAt", ISO.format(now.atZone(CHINA)));
		Rendered rendered;
		try {
			rendered = this.engine.render(agency.mapping(), List.of(context), batch);
		}
		catch (MappingException ex) {
			return new Result(null, List.of(), ex);
		}
		catch (RuntimeException ex) {
			// a fault of the mapping engine itself: the hub's to mend, never the family's
			return new Result(null, List.of(),
					new MappingException(RENDER_FAILED, "渲染时出错：" + ex, "rendering failed: " + ex));
		}
		boolean renderedAgain = agency.batchSize() != null || rendered.format() == Format.ROWS;
		Outbox.NewMessage message = new Outbox.NewMessage(item.id(), item.caseId(), item.agency(), dedupKey, messageId,
				agency.mapping(), rendered.contentType(), rendered.charset().name(), rendered.bytes(),
				renderedAgain ? write(context) : null);
		return new Result(message, rendered.substitutions(), null);
	}

	private byte[] write(JsonNode node) {
		try {
			return this.json.writeValueAsBytes(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
