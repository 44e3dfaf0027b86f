package cn.shanxi.lianban.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import cn.shanxi.lianban.TestClock;
import cn.shanxi.lianban.simulator.supervisor.SimulatedSupervisors;
import cn.shanxi.lianban.sla.OverdueSweep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An overdue item's agency supervisor is told over real HTTP, once, with no personal data
 * in the message (the embedded default's simulated supervisors stand for the webhooks).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EscalationWebhookIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OverdueSweep sweep;

	@Autowired
	SimulatedSupervisors supervisors;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theSupervisorOfAnOverdueItemsAgencyIsToldOnce() {
		Cases cases = new Cases(this.port, this.context);
		Instant due = Instant.parse("2037-07-07T00:00:00Z");
		this.clock.setTo(due.minus(Duration.ofDays(1)));
		Case c = cases.apply();
		cases.eligible(c);
		long hukou = cases.items(c).get("HUKOU_CANCELLATION");
		cases.sent(hukou, due);

		this.clock.setTo(due.plusSeconds(1));
		this.sweep.sweepOnce(1000);
		this.sweep.sweepOnce(1000);

		await().atMost(Duration.ofSeconds(30)).until(() -> about(c).size() == 1);
		this.clock.advance(Duration.ofHours(1));
		this.sweep.sweepOnce(1000);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> about(c).size() == 1);
		SimulatedSupervisors.Escalation escalation = about(c).get(0);
		assertThat(escalation.agency()).isEqualTo("POLICE_HUKOU");
		JsonNode body = escalation.body();
		assertThat(body.get("event").asText()).isEqualTo("WORK_ITEM_OVERDUE");
		assertThat(body.get("item").asText()).isEqualTo("HUKOU_CANCELLATION");
		assertThat(body.get("itemName").asText()).isEqualTo("户口注销");
		assertThat(body.get("dueAt").asText()).isEqualTo("2037-07-07T08:00+08:00");
		assertThat(body.toString()).doesNotContain("李大山", "13812345678").doesNotContainPattern("\\d{17}[0-9X]");
		assertThat(cases.outbox(c, "WEBHOOK")).containsExactly("ITEM_OVERDUE:HUKOU_CANCELLATION");
	}

	private List<SimulatedSupervisors.Escalation> about(Case c) {
		return this.supervisors.received()
			.stream()
			.filter((e) -> e.body().path("caseNo").asText().equals(c.caseNo()))
			.toList();
	}

}
