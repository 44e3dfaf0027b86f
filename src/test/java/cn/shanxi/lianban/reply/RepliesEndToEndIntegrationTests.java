package cn.shanxi.lianban.reply;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.simulator.reply.SimulatedReplies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole way, over the hub's real API: the family applies, the hospital sends the
 * death certificate; every item is delivered; the simulated agencies (and the simulated
 * funeral home, its cremation record) answer over their real transports (HTTP callbacks,
 * result files on SFTP, the staging table) and the case ends COMPLETED, the family told
 * once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepliesEndToEndIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(90);

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SimulatedReplies replies;

	@LocalServerPort
	int port;

	@AfterEach
	void quiet() {
		this.replies.answering(false);
	}

	@Test
	void anApplicationWithItsCertificatesEndsCompletedOnTheAgenciesRepliesAndTheFamilyIsToldOnce() {
		this.replies.answering(true);
		CaseFlow flow = new CaseFlow(this.context, this.port);
		HubApi api = flow.api();
		ObjectNode form = CaseFlow.form("HUKOU_CANCELLATION", "DRIVING_LICENCE_CANCELLATION", "CREMATION_CERTIFICATE",
				"PENSION_ACCOUNT_REFUND", "SURVIVOR_BENEFIT", "MEDICAL_INSURANCE_TERMINATION",
				"MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL");
		String caseNo = flow.apply(form);
		assertThat(status(api, caseNo)).isEqualTo("AWAITING_CERTIFICATE");

		HubApi.Response certificate = api.postJson("/api/v1/certificates", HubApi.HOSPITAL,
				CaseFlow.certificate(form).toString());
		assertThat(certificate.status()).as(certificate.body()).isEqualTo(200);

		await().atMost(DEADLINE)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> "COMPLETED".equals(status(api, caseNo)));

		JsonNode view = api.get("/api/v1/applications/" + caseNo, HubApi.WEB).json();
		for (JsonNode item : view.path("workItems")) {
			assertThat(item.path("status").asText()).as(item.toString()).isEqualTo("DONE");
		}
		assertThat(this.jdbc.sql("select count(*) from reply_anomaly r where r.reference like ?")
			.param(caseNo + "-%")
			.query(Integer.class)
			.single()).isZero();
		List<String> completed = this.jdbc.sql("""
				select n.event from notification_outbox n join case_file c on c.id = n.case_id
				where c.case_no = ? and n.channel = 'SMS' and n.event like 'CASE_COMPLETED%'
				""").param(caseNo).query(String.class).list();
		assertThat(completed).containsExactly("CASE_COMPLETED");
		await().atMost(DEADLINE).until(() -> "SENT".equals(this.jdbc.sql("""
				select n.status from notification_outbox n join case_file c on c.id = n.case_id
				where c.case_no = ? and n.channel = 'SMS' and n.event = 'CASE_COMPLETED'
				""").param(caseNo).query(String.class).single()));
	}

	private static String status(HubApi api, String caseNo) {
		return api.get("/api/v1/applications/" + caseNo, HubApi.WEB).json().path("status").asText();
	}

}
