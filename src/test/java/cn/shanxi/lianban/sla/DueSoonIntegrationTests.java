package cn.shanxi.lianban.sla;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/work-items/due-soon}: the items close to their promised time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DueSoonIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

	HubApi api;

	Cases cases;

	@BeforeEach
	void setUp() {
		this.api = new HubApi(this.port);
		this.cases = new Cases(this.port, this.context);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void itemsDueWithinTheWindowAreListedSoonestFirstWithThosePastDueButNotYetEscalatedFirst() {
		Instant now = Instant.parse("2034-05-06T02:00:00Z");
		this.clock.setTo(now);
		Case c = this.cases.apply();
		this.cases.eligible(c);
		var items = this.cases.items(c);
		this.cases.sent(items.get("HUKOU_CANCELLATION"), now.plus(Duration.ofHours(3)));
		this.cases.sent(items.get("DRIVING_LICENCE_CANCELLATION"), now.minus(Duration.ofMinutes(10)));
		this.cases.sent(items.get("PENSION_ACCOUNT_REFUND"), now.plus(Duration.ofHours(30)));

		HubApi.Response answer = this.api.get("/api/v1/work-items/due-soon?within=PT4H", HubApi.OPERATOR);

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.json().get("within").asText()).isEqualTo("PT4H");
		var mine = new java.util.ArrayList<JsonNode>();
		answer.json().get("items").forEach((i) -> {
			if (i.get("caseNo").asText().equals(c.caseNo())) {
				mine.add(i);
			}
		});
		assertThat(mine).extracting((i) -> i.get("item").asText())
			.containsExactly("DRIVING_LICENCE_CANCELLATION", "HUKOU_CANCELLATION");
		assertThat(mine.get(0).get("remaining").asText()).isEqualTo("PT-10M");
		assertThat(mine.get(1).get("remaining").asText()).isEqualTo("PT3H");
		assertThat(mine.get(1).get("agency").asText()).isEqualTo("POLICE_HUKOU");
		assertThat(mine.get(1).get("dueAt").asText()).isEqualTo("2034-05-06T13:00:00+08:00");

		JsonNode oneAgency = this.api.get("/api/v1/work-items/due-soon?within=P2D&agency=HRSS", HubApi.OPERATOR)
			.json()
			.get("items");
		assertThat(oneAgency.findValuesAsText("agency")).containsOnly("HRSS");
		assertThat(oneAgency.findValuesAsText("caseNo")).contains(c.caseNo());
	}

	@Test
	void onlyOperatorsMayListAndAWrongWindowIsNamed() {
		assertThat(this.api.get("/api/v1/work-items/due-soon", HubApi.WEB).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/work-items/due-soon", null).status()).isEqualTo(401);

		HubApi.Response wrong = this.api.get("/api/v1/work-items/due-soon?within=4hours&limit=0&agency=hr",
				HubApi.OPERATOR);

		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("within", "limit",
				"agency");
		assertThat(wrong.body()).contains("ISO-8601", "时长");
	}

}
