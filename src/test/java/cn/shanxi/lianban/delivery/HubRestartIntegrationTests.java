package cn.shanxi.lianban.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
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
 * A hub stopped in the middle of a batch, and one killed between sending and recording,
 * start again: nothing is lost, and what the killed one had sent goes again with the same
 * dedup key, which the agency recognises as a repeat. The test context holds its relay
 * meanwhile, so the restarted hub drains alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubRestartIntegrationTests {

	private static final String INSTANCE = "restart-hub";

	private static final Duration DEADLINE = Duration.ofSeconds(90);

	@Autowired
	ApplicationContext context;

	@Autowired
	CamelContext camel;

	@Autowired
	SimulatedAgencies agencies;

	@Autowired
	OutboxClaims claims;

	@Autowired
	ProducerTemplate producer;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeEach
	void othersHoldTheirRelays() throws Exception {
		this.camel.getRouteController().suspendRoute("outbox-relay");
	}

	@AfterEach
	void othersResume() throws Exception {
		this.camel.getRouteController().resumeRoute("outbox-relay");
	}

	@Test
	void aHubStoppedMidBatchAndOneKilledMidSendLoseNothingAndRepeatOnlyWhatTheAgencyRecognises() {
		CaseFlow flow = new CaseFlow(this.context, this.port);
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ObjectNode form = CaseFlow.form("HUKOU_CANCELLATION", "PENSION_ACCOUNT_REFUND", "SURVIVOR_BENEFIT");
			cases.add(flow.apply(form));
			flow.certify(form);
		}
		String[] caseNos = cases.toArray(String[]::new);
		int messages = count("select count(*) from outbox_message m join case_file c on c.id = m.case_id "
				+ "where c.case_no = any(?)", (Object) caseNos);

		// 1. a hub whose HR & SS answers slowly is stopped in the middle of it
		try (OtherHub first = OtherHub.start("lianban.delivery.instance-id=" + INSTANCE,
				"lianban.agencies.HRSS.concurrency=2")) {
			first.bean(SimulatedAgencies.class).slow("HRSS", Duration.ofMillis(250));
			await().atMost(DEADLINE).until(() -> delivered(caseNos, "HRSS") >= 4);
		}
		int hrss = count("select count(*) from outbox_message m join case_file c on c.id = m.case_id "
				+ "where c.case_no = any(?) and m.agency = 'HRSS'", (Object) caseNos);
		assertThat(delivered(caseNos, "HRSS")).as("stopped before the end").isLessThan(hrss);
		assertThat(count("select count(*) from outbox_message where claimed_by = ?", INSTANCE))
			.as("a stopped hub hands back what it had not started")
			.isZero();

		// 2. the same instance is killed after sending three messages and before
		// recording
		// them: its claims stay in the outbox, three of them already at the agency
		Instant now = this.clock.instant();
		List<Delivery> claimed = this.claims.claimMessages(Map.of("HRSS", 6), now, now.plus(Duration.ofMinutes(10)),
				INSTANCE);
		assertThat(claimed).hasSize(6);
		List<String> sentBeforeDying = new ArrayList<>();
		for (Delivery d : claimed.subList(0, 3)) {
			Exchange sent = this.producer.send("direct:hrss-delivery", (e) -> {
				e.getIn().setBody(d.payload());
				e.getIn().setHeader("X-Lianban-Dedup-Key", d.dedupKey());
				e.getIn().setHeader(Exchange.CONTENT_TYPE, d.contentType());
			});
			assertThat(sent.getProperty(Outcome.PROPERTY)).isNull();
			sentBeforeDying.add(d.dedupKey());
		}

		// 3. it starts again under its name: takes back its claims at once, sends the
		// rest
		try (OtherHub again = OtherHub.start("lianban.delivery.instance-id=" + INSTANCE)) {
			await().atMost(DEADLINE)
				.until(() -> count("select count(*) from outbox_message m join case_file c on c.id = m.case_id "
						+ "where c.case_no = any(?) and m.status = 'DELIVERED'", (Object) caseNos) == messages);
		}

		List<String> keys = this.jdbc.sql("""
				select m.dedup_key from outbox_message m join case_file c on c.id = m.case_id where c.case_no = any(?)
				""").param(caseNos).query(String.class).list();
		assertThat(keys).hasSize(messages);
		for (String key : keys) {
			List<Received> got = this.agencies.received().withKey(key);
			assertThat(got).as("%s reached its agency once", key).hasSize(1);
			int expectedRepeats = sentBeforeDying.contains(key) ? 1 : 0;
			assertThat(got.get(0).repeats()).as("%s repeats", key).isEqualTo(expectedRepeats);
		}
	}

	private int delivered(String[] cases, String agency) {
		return count("""
				select count(*) from outbox_message m join case_file c on c.id = m.case_id
				where c.case_no = any(?) and m.agency = ? and m.status = 'DELIVERED'
				""", cases, agency);
	}

	private int count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

}
