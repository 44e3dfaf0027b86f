package cn.shanxi.lianban.reply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.mapping.LineError;
import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.Parsed;
import cn.shanxi.lianban.status.ApplyItemOutcome;
import cn.shanxi.lianban.status.ItemOutcome;
import cn.shanxi.lianban.status.ItemOutcome.ItemRef;
import cn.shanxi.lianban.status.OutcomeResult;
import org.springframework.stereotype.Component;

/**
 * Turns the records of an agency's reply, as its mapping reads them
 * ({@code reply.reference}, {@code reply.status}, {@code reply.reason},
 * {@code reply.amount}, {@code reply.account}), into outcomes applied one by one — each
 * in its own transaction, so one record that cannot be applied holds up no other.
 */
@Component
public class ReplyReader {

	private final MappingEngine engine;

	private final ApplyItemOutcome apply;

	private final UnreadableReplies unreadable;

	private final ReplyProperties properties;

	ReplyReader(MappingEngine engine, ApplyItemOutcome apply, UnreadableReplies unreadable,
			ReplyProperties properties) {
		this.engine = engine;
		this.apply = apply;
		this.unreadable = unreadable;
		this.properties = properties;
	}

	/** The mapping an agency's replies are read with. */
	public Optional<String> mappingOf(String agency) {
		return Optional.ofNullable(this.properties.mappings().get(agency));
	}

	MappingEngine engine() {
		return this.engine;
	}

	/** Applies every record that parsed. */
	public List<RecordResult> applyAll(String agency, Parsed parsed) {
		List<RecordResult> results = new ArrayList<>(parsed.records().size());
		for (JsonNode record : parsed.records()) {
			results.add(apply(agency, record));
		}
		return results;
	}

	RecordResult apply(String agency, JsonNode record) {
		JsonNode reply = record.path("reply");
		String reference = text(reply, "reference");
		String claimed = text(reply, "status");
		WorkItemStatus status = status(claimed);
		if (status == null || status.rank() < WorkItemStatus.ACCEPTED.rank() || status == WorkItemStatus.PARKED) {
			return new RecordResult(reference, claimed, "IGNORED", null, null, null,
					"该状态不是办理结果 / This state is no outcome");
		}
		String source = "agency:" + agency;
		ItemOutcome outcome;
		try {
			String reason = text(reply, "reason");
			outcome = new ItemOutcome(ItemRef.reference(reference), status,
					(status == WorkItemStatus.OFFLINE_REQUIRED) ? reasonCode(reason) : null, reason,
					amount(reply.get("amount")), text(reply, "account"), source);
		}
		catch (IllegalArgumentException ex) {
			String[] words = ex.getMessage().split(" / ", 2);
			return this.unreadable.keep(source, "record", 1, reference,
					List.of(new LineError(1, null, "INVALID", words[0], (words.length > 1) ? words[1] : words[0])));
		}
		OutcomeResult result = this.apply.apply(outcome);
		return new RecordResult(reference, status.name(), result.kind().name(), result.caseNo(),
				(result.itemStatus() != null) ? result.itemStatus().name() : null, result.anomalyId(),
				result.applied() ? null : message(result.kind(), result.itemStatus()));
	}

	private String reasonCode(String reason) {
		if (reason == null) {
			return null;
		}
		for (Map.Entry<String, String> e : this.properties.offlineReasons().entrySet()) {
			if (reason.contains(e.getKey())) {
				return e.getValue();
			}
		}
		return null;
	}

	private static String message(OutcomeResult.Kind kind, WorkItemStatus now) {
		return switch (kind) {
			case DUPLICATE -> "重复回执，已记录未重复办理 / A repeated reply: kept, not applied again";
			case BACKWARDS -> "迟到的回执：事项已是 " + now + "，已记录 / A late reply: the item is already " + now + "; kept";
			case CONFLICTING -> "事项已以 " + now + " 结束，已记录 / The item already ended as " + now + "; kept";
			case WRONG_AGENCY -> "该事项不由本部门办理，已记录 / The item is not at this agency; kept";
			case UNKNOWN_REFERENCE -> "没有与该业务流水号对应的事项，已记录 / No work item was sent under this reference; kept";
			case APPLIED -> null;
		};
	}

	private static WorkItemStatus status(String claimed) {
		if (claimed == null) {
			return null;
		}
		try {
			return WorkItemStatus.valueOf(claimed);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static BigDecimal amount(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || value.asText().isBlank()) ? null : value.asText();
	}

}
