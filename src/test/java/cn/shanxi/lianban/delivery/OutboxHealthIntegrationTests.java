package cn.shanxi.lianban.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.HubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health/outbox} counts each state on its own partial index (V9): what
 * waits (due, claimed or in a batch file), how late the oldest due message is, and what
 * is parked — never the delivered or cancelled rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxHealthIntegrationTests {

	// no lane sends for it, so the relay leaves its rows as the test put them
	private static final String AGENCY = "HEALTH_CHECK_TEST";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void eachAgencyShowsWhatWaitsHowLateItIsAndWhatIsParked() {
		CaseFlow flow = new CaseFlow(this.context, this.port);
		// no certificate: nothing is dispatched, the items have no message of their own
		String caseNo = flow.apply(CaseFlow.form("PENSION_ACCOUNT_REFUND", "MEDICAL_ACCOUNT_WITHDRAWAL",
				"DRIVING_LICENCE_CANCELLATION", "HOUSING_FUND_WITHDRAWAL", "HUKOU_CANCELLATION"));
		List<long[]> items = this.jdbc.sql("""
				select w.id, w.case_id from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and not exists (select 1 from outbox_message o where o.work_item_id = w.id)
				order by w.id
				""").param(caseNo).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		assertThat(items).hasSizeGreaterThanOrEqualTo(6);
		Instant now = Instant.now();
		message(items.get(0), "PENDING", now.minus(Duration.ofMinutes(20)));
		message(items.get(1), "PENDING", now.plus(Duration.ofMinutes(2)));
		message(items.get(2), "BATCHED", now.minus(Duration.ofHours(3)));
		message(items.get(3), "PARKED", now.minus(Duration.ofHours(5)));
		message(items.get(4), "DELIVERED", now.minus(Duration.ofHours(7)));
		message(items.get(5), "CANCELLED", now.minus(Duration.ofHours(9)));

		JsonNode health = flow.api().get("/actuator/health/outbox", HubApi.OPERATOR).json();
		JsonNode agency = health.at("/details/agencies/" + AGENCY);
		assertThat(agency.path("waiting").asInt()).isEqualTo(3);
		assertThat(agency.path("parked").asInt()).isEqualTo(1);
		// the oldest due PENDING one; the batched row's due time is not a lateness
		Duration late = Duration.parse(agency.path("oldestDueSince").asText());
		assertThat(late).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(25));
		assertThat(health.at("/details/degraded").asBoolean()).isTrue();
		assertThat(health.get("status").asText()).isEqualTo("UP");
	}

	private void message(long[] item, String status, Instant due) {
		this.jdbc.sql("""
				insert into outbox_message (work_item_id, case_id, agency, dedup_key, message_id, mapping_id,
				  content_type, charset, payload, status, next_attempt_at, created_at, parked_at)
				values (?, ?, ?, ?, ?, 'none', 'text/plain', 'UTF-8', ?, ?, ?, now(), ?)
				""")
			.params(item[0], item[1], AGENCY, "health-check-" + item[0], UUID.randomUUID(), new byte[] { 1 }, status,
					Timestamp.from(due), status.equals("PARKED") ? Timestamp.from(due) : null)
			.update();
	}

}
