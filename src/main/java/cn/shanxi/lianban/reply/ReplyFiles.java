package cn.shanxi.lianban.reply;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.mapping.LineError;
import cn.shanxi.lianban.mapping.MappingInfo;
import cn.shanxi.lianban.mapping.Parsed;
import org.springframework.stereotype.Component;

/**
 * An agency's result file (police household fixed-width GB18030, civil affairs CSV GBK),
 * as its {@code routes/<agency>-replies.camel.yaml} route fetches it: read with the
 * agency's reply mapping, each line that reads applied, each line that does not kept as
 * an anomaly (on the case's timeline when the line still shows the reference). The route
 * then archives the file; its idempotent repository keeps it from being read twice.
 */
@Component("agencyReplyFiles")
class ReplyFiles {

	private static final Logger log = LoggerFactory.getLogger(ReplyFiles.class);

	/** A dedup key as dispatch makes them: {@code <caseNo>-<itemType>}. */
	private static final Pattern REFERENCE = Pattern.compile("[A-Z]{2}[0-9]{8,}-[A-Z][A-Z_]*");

	/** The exchange header naming the agency. */
	static final String AGENCY = "lianbanAgency";

	private final ReplyReader reader;

	private final UnreadableReplies unreadable;

	ReplyFiles(ReplyReader reader, UnreadableReplies unreadable) {
		this.reader = reader;
		this.unreadable = unreadable;
	}

	public void read(Exchange exchange) {
		String agency = exchange.getMessage().getHeader(AGENCY, String.class);
		String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
		byte[] content = exchange.getMessage().getBody(byte[].class);
		List<RecordResult> results = read(agency, fileName, (content != null) ? content : new byte[0]);
		long applied = results.stream().filter(RecordResult::applied).count();
		exchange.getMessage().setHeader("lianbanRepliesApplied", applied);
		exchange.getMessage().setHeader("lianbanRepliesNotApplied", results.size() - applied);
	}

	List<RecordResult> read(String agency, String fileName, byte[] content) {
		String mapping = this.reader.mappingOf(agency)
			.orElseThrow(() -> new IllegalStateException("lianban.replies.mappings has no mapping for " + agency));
		Parsed parsed = this.reader.engine().parse(mapping, content);
		List<RecordResult> results = new ArrayList<>(this.reader.applyAll(agency, parsed));
		if (!parsed.errors().isEmpty()) {
			Charset charset = this.reader.engine()
				.catalog()
				.find(mapping)
				.map(MappingInfo::charset)
				.orElse(StandardCharsets.UTF_8);
			String[] lines = new String(content, charset).split("\r?\n", -1);
			Map<Integer, List<LineError>> byLine = new LinkedHashMap<>();
			for (LineError error : parsed.errors()) {
				byLine.computeIfAbsent(error.line(), (l) -> new ArrayList<>()).add(error);
			}
			byLine.forEach((line, errors) -> {
				String raw = (line >= 1 && line <= lines.length) ? lines[line - 1] : "";
				Matcher m = REFERENCE.matcher(raw);
				results
					.add(this.unreadable.keep("agency:" + agency, fileName, line, m.find() ? m.group() : null, errors));
			});
		}
		long applied = results.stream().filter(RecordResult::applied).count();
		log.info("Reply file {} of {}: {} lines applied, {} kept as anomalies", fileName, agency, applied,
				results.size() - applied);
		return results;
	}

}
