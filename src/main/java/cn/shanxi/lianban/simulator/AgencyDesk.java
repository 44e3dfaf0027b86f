package cn.shanxi.lianban.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.dispatch.AgencyCatalogue;
import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import cn.shanxi.lianban.dispatch.AgencyProperties.Transport;
import cn.shanxi.lianban.mapping.LineError;
import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.Parsed;
import cn.shanxi.lianban.mapping.Rendered;
import cn.shanxi.lianban.support.Digits;

/**
 * The pretend agencies' front desk: what arrives is read with the agency's own mapping —
 * the same file the hub rendered it with — so a byte out of place is refused, as the real
 * system would. What reads is recorded by dedup key (a repeat is recognised and dropped);
 * what does not is refused with the mapping's reasons.
 */
final class AgencyDesk {

	private static final Logger log = LoggerFactory.getLogger(AgencyDesk.class);

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final AgencyCatalogue catalogue;

	private final MappingEngine engine;

	private final ReceivedMessages received;

	private final AgencyControl control;

	private final Clock clock;

	private final AtomicLong serial = new AtomicLong();

	AgencyDesk(AgencyCatalogue catalogue, MappingEngine engine, ReceivedMessages received, AgencyControl control,
			Clock clock) {
		this.catalogue = catalogue;
		this.engine = engine;
		this.received = received;
		this.control = control;
		this.clock = clock;
	}

	/** An HTTP answer. */
	record Answer(int status, String contentType, byte[] body) {

		static Answer text(int status, String text) {
			return new Answer(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
		}

	}

	Optional<Agency> agency(String code, Transport transport) {
		return this.catalogue.settings(code).filter((a) -> a.transport() == transport);
	}

	Answer http(String code, byte[] body, String dedupKeyHeader) {
		Agency agency = agency(code, Transport.HTTP).orElse(null);
		if (agency == null) {
			return Answer.text(404, "no HTTP agency " + code);
		}
		if (this.control.of(code).mode() == AgencyControl.Mode.DOWN) {
			return Answer.text(503, "agency " + code + " is down (simulated)");
		}
		this.control.delay(code);
		Parsed parsed = this.engine.parse(agency.mapping(), body);
		String errors = errors(parsed);
		String dedupKey = (errors == null) ? key(parsed.records().get(0)) : null;
		if (errors == null && (dedupKey == null || !dedupKey.equals(dedupKeyHeader))) {
			errors = "X-Lianban-Dedup-Key " + dedupKeyHeader + " does not match the message's " + dedupKey;
		}
		if (errors != null) {
			this.received.reject(code, "HTTP", null, errors, body);
			log.info("Simulated agency {} refused a message: {}", code, errors);
			return Answer.text(400, "refused: " + errors);
		}
		JsonNode record = parsed.records().get(0);
		String messageId = text(record.path("message").path("id"));
		int repeats = this.received.received(code, "HTTP", null, messageId, sha256(body), List.of(dedupKey));
		if (agency.ackMapping() != null && !agency.ackMapping().isBlank()) {
			return ack(code, agency, body, record, dedupKey);
		}
		String result = (repeats > 0) ? "DUPLICATE" : "RECEIVED";
		return new Answer(200, "application/json",
				("{\"result\":\"" + result + "\",\"dedupKey\":\"" + dedupKey + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A synchronous answer in the agency's own format (e.g. the medical insurance
	 * infcode).
	 */
	private Answer ack(String code, Agency agency, byte[] request, JsonNode record, String dedupKey) {
		long n = this.serial.incrementAndGet();
		boolean refuse = this.control.of(code).mode() == AgencyControl.Mode.REFUSE;
		ObjectNode context = JSON.createObjectNode();
		ObjectNode reply = context.putObject("reply");
		reply.put("transactionCode", text(readTree(request).path("transactionCode")));
		reply.put("messageId", "SIM" + Digits.zeroPadded(n, 13));
		reply.put("refMessageId", text(record.path("message").path("id")));
		reply.put("status", refuse ? "REJECTED" : "ACCEPTED");
		if (refuse) {
			reply.put("reason", "参保人存在未结算费用 (simulated refusal)");
		}
		reply.put("processedAt", ISO.format(this.clock.instant().atZone(ZoneId.of("Asia/Shanghai"))));
		reply.put("reference", dedupKey);
		reply.put("agencyReference", "SL" + Digits.zeroPadded(n, 12));
		Rendered answer = this.engine.render(agency.ackMapping(), context);
		return new Answer(200, answer.contentType(), answer.bytes());
	}

	/**
	 * A file an agency's SFTP account got, checked when it is renamed to its final name.
	 * @throws IOException to refuse it: the rename fails, the hub sees the failure
	 */
	void file(String code, String fileName, byte[] content) throws IOException {
		Agency agency = agency(code, Transport.SFTP).orElseThrow(() -> new IOException("no SFTP agency " + code));
		this.control.delay(code);
		Parsed parsed = this.engine.parse(agency.mapping(), content);
		String errors = errors(parsed);
		if (errors != null) {
			this.received.reject(code, "SFTP", fileName, errors, content);
			log.info("Simulated agency {} refused file {}: {}", code, fileName, errors);
			throw new IOException("refused by " + code + ": " + errors);
		}
		List<String> keys = new ArrayList<>();
		for (JsonNode record : parsed.records()) {
			keys.add(key(record));
		}
		int repeats = this.received.received(code, "SFTP", fileName, null, sha256(content), keys);
		log.debug("Simulated agency {} took file {}: {} records, {} repeats", code, fileName, keys.size(), repeats);
	}

	/** Rows found in a staging table; answers the keys of those that read. */
	List<String> rows(String code, Parsed parsed) {
		if (!parsed.isValid()) {
			this.received.reject(code, "SQL", null, errors(parsed), null);
		}
		List<String> keys = new ArrayList<>();
		for (JsonNode record : parsed.records()) {
			keys.add(key(record));
		}
		if (!keys.isEmpty()) {
			this.received.record(code, "SQL", null, null, null, keys);
		}
		return keys;
	}

	private static String errors(Parsed parsed) {
		if (parsed.isValid() && !parsed.records().isEmpty()) {
			return null;
		}
		if (parsed.errors().isEmpty()) {
			return "no record";
		}
		List<String> lines = new ArrayList<>();
		for (LineError e : parsed.errors()) {
			lines.add(e.toString());
		}
		return String.join("; ", lines);
	}

	static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String key(JsonNode record) {
		return text(record.path("item").path("dedupKey"));
	}

	private static String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asText();
	}

	private static JsonNode readTree(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			return JSON.createObjectNode();
		}
	}

}
