package cn.shanxi.lianban.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.TestClock;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.sla.OverdueSweep;
import cn.shanxi.lianban.status.ItemOutcome.ItemRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/applications} for clerks: newest first, paged, filtered by status,
 * agency and overdue. The cases of this test are opened years ahead of the others that
 * share the database, so they are the newest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseListIntegrationTests {

	/** Each test's cases are newer than the last test's. */
	private static final AtomicInteger RUN = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplyItemOutcome apply;

	@Autowired
	OverdueSweep sweep;

	@Autowired
	TestClock clock;

	HubApi api;

	Cases cases;

	Case waiting;

	Case late;

	Case completed;

	@BeforeEach
	void threeCases() {
		this.api = new HubApi(this.port);
		this.cases = new Cases(this.port, this.context);
		Instant start = Instant.parse("2040-01-01T00:00:00Z").plus(Duration.ofDays(RUN.incrementAndGet()));
		this.clock.setTo(start);
		this.waiting = this.cases.apply();
		this.clock.advance(Duration.ofMinutes(1));
		this.late = this.cases.apply();
		this.cases.eligible(this.late);
		this.cases.sent(this.cases.items(this.late).get("HUKOU_CANCELLATION"), start.plus(Duration.ofMinutes(5)));
		this.cases.sent(this.cases.items(this.late).get("PENSION_ACCOUNT_REFUND"), start.plus(Duration.ofDays(5)));
		this.clock.advance(Duration.ofMinutes(1));
		this.completed = this.cases.apply();
		this.cases.eligible(this.completed);
		this.cases.items(this.completed)
			.forEach((type, id) -> this.apply.apply(new ItemOutcome(ItemRef.id(id), WorkItemStatus.DONE, null, null,
					null, null, "agency:" + agencyOf(id))));
		this.clock.advance(Duration.ofMinutes(10));
		this.sweep.sweepOnce(1000);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theNewestCasesComeFirstWithTheirItemsCounted() {
		JsonNode page = list("?size=3");

		assertThat(caseNos(page)).containsExactly(this.completed.caseNo(), this.late.caseNo(), this.waiting.caseNo());
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(3);
		assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
		JsonNode late = page.get("cases").get(1);
		assertThat(late.get("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(late.get("workItems").asInt()).isEqualTo(9);
		assertThat(late.get("ended").asInt()).isZero();
		assertThat(late.get("overdue").asInt()).isEqualTo(1);
		assertThat(late.get("nextDueAt").asText()).isNotEmpty();
		assertThat(page.get("cases").get(0).get("ended").asInt()).isEqualTo(9);
		assertThat(caseNos(list("?size=1&page=1"))).containsExactly(this.late.caseNo());
	}

	@Test
	void clerksFilterByStatusAgencyAndOverdue() {
		assertThat(caseNos(list("?status=IN_PROGRESS&size=1"))).containsExactly(this.late.caseNo());
		assertThat(caseNos(list("?status=COMPLETED&agency=HOUSING_FUND&size=1")))
			.containsExactly(this.completed.caseNo());
		assertThat(caseNos(list("?overdue=true&size=1"))).containsExactly(this.late.caseNo());
		assertThat(caseNos(list("?overdue=false&size=2"))).containsExactly(this.completed.caseNo(),
				this.waiting.caseNo());
		assertThat(caseNos(list("?status=AWAITING_CERTIFICATE&agency=POLICE_HUKOU&overdue=false&size=1")))
			.containsExactly(this.waiting.caseNo());
		assertThat(list("?agency=NO_SUCH_AGENCY").get("total").asLong()).isZero();
	}

	@Test
	void onlyOperatorsListAndWrongParametersAreNamed() {
		assertThat(this.api.get("/api/v1/applications", HubApi.WEB).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/applications", null).status()).isEqualTo(401);

		HubApi.Response wrong = this.api
			.get("/api/v1/applications?status=DONE&agency=hrss&overdue=yes&page=-1&size=500", HubApi.OPERATOR);

		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("status", "agency",
				"overdue", "page", "size");
		assertThat(wrong.body()).contains("未知的案件状态", "Unknown case status");
	}

	private JsonNode list(String query) {
		HubApi.Response answer = this.api.get("/api/v1/applications" + query, HubApi.OPERATOR);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	private static List<String> caseNos(JsonNode page) {
		return page.get("cases").findValuesAsText("caseNo");
	}

	private String agencyOf(long workItemId) {
		return this.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select agency from work_item where id = ?")
			.param(workItemId)
			.query(String.class)
			.single();
	}

}
