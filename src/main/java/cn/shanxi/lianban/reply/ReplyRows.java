package cn.shanxi.lianban.reply;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.mapping.Parsed;
import org.springframework.stereotype.Component;

/**
 * A row of an agency's staging table whose status moved on (housing fund), as
 * {@code routes/housing-fund-replies.camel.yaml} polls it: read with the agency's reply
 * mapping and applied, or kept as an anomaly when it does not read. The route marks the
 * row read (the status it read) in the same transaction, so each change is applied once.
 */
@Component("agencyReplyRows")
class ReplyRows {

	private static final Logger log = LoggerFactory.getLogger(ReplyRows.class);

	private final ReplyReader reader;

	private final UnreadableReplies unreadable;

	ReplyRows(ReplyReader reader, UnreadableReplies unreadable) {
		this.reader = reader;
		this.unreadable = unreadable;
	}

	public void read(Exchange exchange) {
		String agency = exchange.getMessage().getHeader(ReplyFiles.AGENCY, String.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> row = exchange.getMessage().getBody(Map.class);
		RecordResult result = read(agency, row);
		exchange.getMessage().setHeader("lianbanReplyResult", result.result());
	}

	RecordResult read(String agency, Map<String, Object> row) {
		String mapping = this.reader.mappingOf(agency)
			.orElseThrow(() -> new IllegalStateException("lianban.replies.mappings has no mapping for " + agency));
		Parsed parsed = this.reader.engine().parseRows(mapping, List.of(row));
		if (!parsed.isValid() || parsed.records().isEmpty()) {
			Object reference = row.get("ref_no");
			return this.unreadable.keep("agency:" + agency, "staging row", 1,
					(reference != null) ? reference.toString() : null, parsed.errors());
		}
		RecordResult result = this.reader.applyAll(agency, parsed).get(0);
		log.debug("Staging row of {} for {}: {}", agency, result.reference(), result.result());
		return result;
	}

}
