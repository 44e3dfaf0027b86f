package cn.shanxi.lianban.simulator.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.Rendered;
import cn.shanxi.lianban.simulator.reply.SimulatedReplies.Answer;
import cn.shanxi.lianban.support.Digits;
import cn.shanxi.lianban.support.Masking;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a pretend agency's answer reaches the hub: the same ways the real ones use. An HTTP
 * agency posts its callback, rendered with its reply mapping, to the hub with its AGENCY
 * key; an SFTP agency leaves a result file in its home on the simulated SFTP server
 * (written under a temporary name, then renamed); the housing fund centre moves its
 * staging table's status column on.
 */
final class ReplyTransports {

	private static final Logger log = LoggerFactory.getLogger(ReplyTransports.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final MappingEngine engine;

	private final JdbcTemplate jdbc;

	private final Environment environment;

	private final SimulatedReplyProperties properties;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ReplyTransports(MappingEngine engine, JdbcTemplate jdbc, Environment environment,
			SimulatedReplyProperties properties) {
		this.engine = engine;
		this.jdbc = jdbc;
		this.environment = environment;
		this.properties = properties;
	}

	/**
	 * The centre's answer columns on its staging table (the simulated agencies create the
	 * table; the columns the hub reads back are the reply's): amount, remark, when, and
	 * the status the hub last read ({@code lb_read_status}, agreed with the centre).
	 */
	void prepare() {
		String table = this.environment.getProperty("lianban.agencies.HOUSING_FUND.endpoint.table");
		if (table == null || this.jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
				table) != Boolean.TRUE) {
			return;
		}
		this.jdbc.execute("alter table " + table + " add column if not exists amount numeric(14, 2),"
				+ " add column if not exists remark varchar(200), add column if not exists processed_at timestamptz,"
				+ " add column if not exists lb_read_status varchar(2)");
		// the hub polls the rows whose status it has not read: without this index (asked
		// of the centre too, README) every poll reads the whole table, which only grows
		this.jdbc.execute("create index if not exists lb_gjj_tqsq_unread_idx on " + table
				+ " (id) where status <> '0' and status is distinct from lb_read_status");
	}

	void send(String agency, String mappingId, String transport, Map<String, String> endpoint, List<Answer> answers,
			String now, long serial) {
		switch (transport) {
			case "HTTP" -> answers.forEach((a) -> callback(agency, mappingId, a, now, serial));
			case "SFTP" -> resultFile(agency, mappingId, endpoint, answers, now, serial);
			case "SQL" -> answers.forEach((a) -> statusColumn(endpoint, a, now));
			default -> log.info("Simulated agency {} has no way to answer ({})", agency, transport);
		}
	}

	static ObjectNode record(Answer a, String now, long serial) {
		ObjectNode record = JSON.createObjectNode();
		ObjectNode reply = record.putObject("reply");
		reply.put("reference", a.dedupKey());
		reply.put("status", a.status());
		reply.put("reason", a.reason());
		if (a.amount() != null) {
			reply.put("amount", a.amount());
			reply.put("account", a.account());
		}
		reply.put("processedAt", now);
		reply.put("messageId", "SIMR" + Digits.zeroPadded(serial, 16));
		reply.put("sender", a.agency());
		reply.put("agencyReference", Digits.zeroPadded(serial, 12));
		reply.put("office", "模拟办理单位");
		return record;
	}

	private void callback(String agency, String mappingId, Answer a, String now, long serial) {
		Rendered body = this.engine.render(mappingId, record(a, now, serial));
		String answer = post("/api/v1/agency-replies/" + agency, body.contentType(),
				this.properties.apiKeys().getOrDefault(agency, ""), body.bytes());
		log.info("Simulated agency {} called back {} {}: {}", agency, a.dedupKey(), a.status(), answer);
	}

	/** The funeral home's cremation record, as its system posts it to the hub. */
	void cremationRecord(String idNumber, String name, String now) {
		ObjectNode record = JSON.createObjectNode();
		record.put("kind", "CREMATION");
		record.put("certificateNo", "HZ" + idNumber.substring(6));
		record.put("version", 1);
		record.putObject("deceased").put("name", name).put("idNumber", idNumber);
		record.put("crematedAt", now);
		record.putObject("funeralHome").put("name", "太原市殡仪馆").put("code", "TYFH");
		record.put("deathCertificateNo", idNumber);
		String receipt = post("/api/v1/certificates", "application/json", this.properties.funeralHomeKey(),
				record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		log.info("Simulated funeral home reported a cremation: {}", Masking.maskAll(receipt));
	}

	private String post(String path, String contentType, String key, byte[] body) {
		String base = (this.properties.hubUrl() != null && !this.properties.hubUrl().isBlank())
				? this.properties.hubUrl()
				: "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080");
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.header("X-Api-Key", key)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void resultFile(String agency, String mappingId, Map<String, String> endpoint, List<Answer> answers,
			String now, long serial) {
		List<ObjectNode> records = new ArrayList<>();
		answers.forEach((a) -> records.add(record(a, now, serial)));
		ObjectNode batch = JSON.createObjectNode();
		batch.put("fileId",
				"SIM" + OffsetDateTime.parse(now).toLocalDateTime().toString().replaceAll("[^0-9]", "").substring(0, 14)
						+ Digits.zeroPadded(serial, 6));
		batch.put("createdAt", now);
		batch.put("count", records.size());
		Rendered file = this.engine.render(mappingId, records, batch);
		Path root = Path.of(this.environment.getProperty("lianban.simulator.agencies.sftp-root", "data/agency-sftp"));
		Path folder = root.resolve(endpoint.getOrDefault("username", agency))
			.resolve(this.properties.resultsDirectory());
		String name = (file.fileName() != null) ? file.fileName() : agency + "_" + serial + ".txt";
		try {
			Files.createDirectories(folder);
			Path temp = folder.resolve(name + ".tmp");
			Files.write(temp, file.bytes());
			Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log.info("Simulated agency {} left result file {} ({} records)", agency, name, records.size());
	}

	private void statusColumn(Map<String, String> endpoint, Answer a, String now) {
		String code = this.engine.catalog().codeTable("hf-status").map((t) -> t.code(a.status())).orElseThrow();
		int rows = this.jdbc.update(
				"update " + endpoint.get("table")
						+ " set status = ?, amount = ?, remark = ?, processed_at = ? where ref_no = ?",
				code, a.amount(), a.reason(), Timestamp.from(OffsetDateTime.parse(now).toInstant()), a.dedupKey());
		log.info("Simulated housing fund centre set {} to {} ({} rows)", a.dedupKey(), a.status(), rows);
	}

}
