package cn.shanxi.lianban.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.simulator.ReceivedMessages.Received;
import cn.shanxi.lianban.simulator.SimulatedAgencies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agency that is down: its messages are retried with growing pauses (kept in the
 * outbox, so they survive a restart), parked after their attempts, and delivered once
 * when an operator replays them. The tests move the retry schedule forward instead of
 * waiting for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParkAndReplayIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	@Autowired
	ApplicationContext context;

	@Autowired
	SimulatedAgencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryProperties delivery;

	@LocalServerPort
	int port;

	CaseFlow flow;

	@BeforeEach
	void setUp() {
		this.flow = new CaseFlow(this.context, this.port);
	}

	@AfterEach
	void agenciesUp() {
		this.agencies.up("HRSS");
		this.agencies.up("CIVIL_AFFAIRS");
	}

	@Test
	void anAgencyDownIsRetriedWithGrowingPausesThenParkedAndAReplayDeliversItOnce() {
		this.agencies.down("HRSS");
		ObjectNode form = CaseFlow.form("PENSION_ACCOUNT_REFUND");
		form.with("deceased").putArray("benefits");
		String caseNo = this.flow.apply(form);
		this.flow.certify(form);
		String key = caseNo + "-PENSION_ACCOUNT_REFUND";
		long id = this.jdbc.sql("select id from outbox_message where dedup_key = ?")
			.param(key)
			.query(Long.class)
			.single();

		int attempts = this.delivery.retry().maxAttempts();
		for (int n = 1; n < attempts; n++) {
			int attempt = n;
			await().atMost(DEADLINE).until(() -> failures(id) == attempt);
			Row row = row(id);
			assertThat(row.status()).isEqualTo("PENDING");
			// 30 s × 2^(n-1), at most 1 h, ± 20 %
			double expected = Math.min(30_000 * Math.pow(2, n - 1), 3_600_000);
			long waited = row.nextAttemptAt().getTime() - lastFailureAt(id).getTime();
			assertThat((double) waited).as("wait after attempt %d", n)
				.isBetween(expected * 0.8 - 50, expected * 1.2 + 50);
			assertThat(row.lastError()).contains("HTTP 503");
			// time passes
			this.jdbc.sql("update outbox_message set next_attempt_at = now() where id = ? and claimed_by is null")
				.param(id)
				.update();
		}
		await().atMost(DEADLINE).until(() -> row(id).status().equals("PARKED"));
		assertThat(this.flow.itemStatus(caseNo, "PENSION_ACCOUNT_REFUND")).isEqualTo("PARKED");
		assertThat(this.agencies.received().withKey(key)).isEmpty();

		HubApi api = this.flow.api();
		JsonNode parked = api.get("/api/v1/parked?agency=HRSS", HubApi.OPERATOR).json();
		JsonNode listed = find(parked.get("parked"), id);
		assertThat(listed.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(listed.get("attempts").asInt()).isEqualTo(attempts);
		assertThat(listed.get("lastError").asText()).contains("HTTP 503");
		assertThat(api.get("/api/v1/parked", HubApi.WEB).status()).isEqualTo(403);
		JsonNode health = api.get("/actuator/health/outbox", HubApi.OPERATOR).json();
		assertThat(health.at("/details/agencies/HRSS/parked").asInt()).isPositive();
		assertThat(health.at("/details/degraded").asBoolean()).isTrue();
		assertThat(health.get("status").asText()).isEqualTo("UP");

		this.agencies.up("HRSS");
		HubApi.Response replay = api.post("/api/v1/parked/" + id + "/replay", HubApi.OPERATOR, null, new byte[0]);
		assertThat(replay.status()).as(replay.body()).isEqualTo(200);
		HubApi.Response again = api.post("/api/v1/parked/" + id + "/replay", HubApi.OPERATOR, null, new byte[0]);
		assertThat(again.status()).isEqualTo(409);

		await().atMost(DEADLINE).until(() -> row(id).status().equals("DELIVERED"));
		assertThat(this.agencies.received().withKey(key)).singleElement()
			.satisfies((r) -> assertThat(r.repeats()).isZero());
		assertThat(this.flow.itemStatus(caseNo, "PENSION_ACCOUNT_REFUND")).isEqualTo("SENT");
		List<String> history = this.jdbc.sql("select event from message_log where outbox_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(history).containsExactlyElementsOf(
				concat(java.util.Collections.nCopies(attempts, "FAILED"), "PARKED", "REPLAYED", "DELIVERED"));
		assertThat(api.post("/api/v1/parked/replay", HubApi.OPERATOR, null, new byte[0]).status()).isEqualTo(422);
	}

	@Test
	void aBatchFileThatCannotBeDeliveredParksEveryItemInItAndReplayingTheAgencySendsThemInANewFile() {
		this.agencies.down("CIVIL_AFFAIRS");
		ObjectNode first = CaseFlow.form("HUKOU_CANCELLATION");
		first.with("deceased").putArray("benefits").add("DIBAO").add("TEKUN");
		ObjectNode second = CaseFlow.form("HUKOU_CANCELLATION");
		String one = this.flow.apply(first);
		String two = this.flow.apply(second);
		this.flow.certify(first);
		this.flow.certify(second);
		List<String> keys = List.of(one + "-DIBAO_STOP", one + "-TEKUN_STOP", two + "-ELDERLY_SUBSIDY_STOP");

		await().atMost(DEADLINE).until(() -> {
			// time passes for every civil affairs batch
			this.jdbc.sql("""
					update outbox_batch set next_attempt_at = now()
					where agency = 'CIVIL_AFFAIRS' and status = 'PENDING' and claimed_by is null
					""").update();
			return keys.stream().allMatch((k) -> status(k).equals("PARKED"));
		});
		assertThat(this.flow.itemStatus(one, "DIBAO_STOP")).isEqualTo("PARKED");
		String batch = this.jdbc.sql("""
				select b.last_error from outbox_batch b join outbox_message m on m.batch_id = b.id where m.dedup_key = ?
				""").param(keys.get(0)).query(String.class).single();
		assertThat(batch).containsAnyOf("CIVIL_AFFAIRS is down", "Auth fail", "auth fail");

		this.agencies.up("CIVIL_AFFAIRS");
		HubApi.Response replay = this.flow.api()
			.post("/api/v1/parked/replay?agency=CIVIL_AFFAIRS", HubApi.OPERATOR, null, new byte[0]);
		assertThat(replay.status()).as(replay.body()).isEqualTo(200);
		assertThat(replay.json().get("replayed").asInt()).isGreaterThanOrEqualTo(3);

		await().atMost(DEADLINE).until(() -> keys.stream().allMatch((k) -> status(k).equals("DELIVERED")));
		for (String k : keys) {
			assertThat(this.agencies.received().withKey(k)).singleElement().satisfies((Received r) -> {
				assertThat(r.repeats()).isZero();
				assertThat(r.fileName()).startsWith("MZTF_");
			});
		}
	}

	@Test
	void aMessageTheAgencyRefusesAsMalformedIsParkedAtOnceWithTheAgencysReasons() {
		this.agencies.down("HRSS");
		ObjectNode form = CaseFlow.form("PENSION_ACCOUNT_REFUND");
		form.with("deceased").putArray("benefits");
		String caseNo = this.flow.apply(form);
		this.flow.certify(form);
		String key = caseNo + "-PENSION_ACCOUNT_REFUND";
		// a byte out of place: the agency reads it with the same mapping and refuses it
		this.jdbc
			.sql("""
					update outbox_message set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"ywlsh"', '"ywlsk"'), 'UTF8')
					where dedup_key = ?
					""")
			.param(key)
			.update();
		this.agencies.up("HRSS");
		this.jdbc.sql("update outbox_message set next_attempt_at = now() where dedup_key = ? and claimed_by is null")
			.param(key)
			.update();

		await().atMost(DEADLINE).until(() -> status(key).equals("PARKED"));
		Integer attempts = this.jdbc.sql("select attempts from outbox_message where dedup_key = ?")
			.param(key)
			.query(Integer.class)
			.single();
		assertThat(attempts).isLessThanOrEqualTo(2);
		assertThat(lastError(key)).startsWith("HTTP 400").contains("refused");
		assertThat(this.agencies.received().rejectedBy("HRSS")).anySatisfy((r) -> assertThat(r.errors()).isNotBlank());
		assertThat(this.agencies.received().withKey(key)).isEmpty();
	}

	private record Row(String status, Timestamp nextAttemptAt, String lastError) {
	}

	private Row row(long id) {
		return this.jdbc.sql("select status, next_attempt_at, last_error from outbox_message where id = ?")
			.param(id)
			.query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2), rs.getString(3)))
			.single();
	}

	private int failures(long id) {
		return this.jdbc.sql("select count(*) from message_log where outbox_id = ? and event = 'FAILED'")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private Timestamp lastFailureAt(long id) {
		return this.jdbc.sql("select max(at) from message_log where outbox_id = ? and event = 'FAILED'")
			.param(id)
			.query(Timestamp.class)
			.single();
	}

	private String status(String key) {
		return this.jdbc.sql("select status from outbox_message where dedup_key = ?")
			.param(key)
			.query(String.class)
			.single();
	}

	private String lastError(String key) {
		return this.jdbc.sql("select last_error from outbox_message where dedup_key = ?")
			.param(key)
			.query(String.class)
			.single();
	}

	private static JsonNode find(JsonNode list, long id) {
		for (JsonNode n : list) {
			if (n.get("id").asLong() == id) {
				return n;
			}
		}
		throw new AssertionError("message " + id + " not in " + list);
	}

	private static List<String> concat(List<String> first, String... more) {
		List<String> all = new java.util.ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}

}
