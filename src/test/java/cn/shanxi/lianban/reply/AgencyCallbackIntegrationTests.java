package cn.shanxi.lianban.reply;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
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
 * Agencies call back over real HTTP in their own formats — HR & SS JSON, the traffic
 * police's XML, the medical insurance envelope — each read with its reply mapping and
 * applied by the reference the hub sent; what cannot be applied is answered and kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgencyCallbackIntegrationTests {

	static final String HRSS_KEY = "demo-hrss-key";

	static final String TRAFFIC_KEY = "demo-police-traffic-key";

	static final String MI_KEY = "demo-medical-insurance-key";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	CaseFlow flow;

	HubApi api;

	String caseNo;

	@BeforeEach
	void setUp() {
		this.flow = new CaseFlow(this.context, this.port);
		this.api = this.flow.api();
		ObjectNode form = CaseFlow.form("DRIVING_LICENCE_CANCELLATION", "PENSION_ACCOUNT_REFUND",
				"MEDICAL_ACCOUNT_WITHDRAWAL");
		this.caseNo = this.flow.apply(form);
		this.flow.certify(form);
		this.flow.awaitSettled(this.caseNo, Duration.ofSeconds(60));
	}

	@Test
	void hrssJsonCallbackIsAppliedWithTheAmountAndTheMaskedAccount() {
		HubApi.Response answer = hrss(this.caseNo + "-PENSION_ACCOUNT_REFUND", "02");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode record = answer.json().path("records").get(0);
		assertThat(record.path("result").asText()).isEqualTo("APPLIED");
		assertThat(record.path("caseNo").asText()).isEqualTo(this.caseNo);
		assertThat(answer.json().path("applied").asInt()).isEqualTo(1);
		assertThat(this.flow.itemStatus(this.caseNo, "PENSION_ACCOUNT_REFUND")).isEqualTo("DONE");
		Object[] paid = this.jdbc.sql("""
				select w.amount, w.paid_to_account from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.type = 'PENSION_ACCOUNT_REFUND'
				""")
			.param(this.caseNo)
			.query((rs, n) -> new Object[] { rs.getBigDecimal(1), rs.getString(2) })
			.single();
		assertThat((BigDecimal) paid[0]).isEqualByComparingTo("23456.78");
		assertThat((String) paid[1]).startsWith("6212").endsWith("0005").contains("*");
		JsonNode item = item(this.caseNo, "PENSION_ACCOUNT_REFUND");
		assertThat(item.path("status").asText()).isEqualTo("DONE");
	}

	@Test
	void trafficPoliceXmlAckThenCallbackMoveTheItemForwardAndALateAckIsKeptAsBackwards() {
		String reference = this.caseNo + "-DRIVING_LICENCE_CANCELLATION";
		assertThat(result(traffic(reference, "1"))).isEqualTo("APPLIED");
		assertThat(this.flow.itemStatus(this.caseNo, "DRIVING_LICENCE_CANCELLATION")).isEqualTo("ACCEPTED");
		assertThat(result(traffic(reference, "2"))).isEqualTo("APPLIED");
		assertThat(this.flow.itemStatus(this.caseNo, "DRIVING_LICENCE_CANCELLATION")).isEqualTo("DONE");

		HubApi.Response late = traffic(reference, "1");
		assertThat(late.status()).isEqualTo(200);
		assertThat(result(late)).isEqualTo("BACKWARDS");
		assertThat(late.json().path("records").get(0).path("itemStatus").asText()).isEqualTo("DONE");
		assertThat(anomalies(reference)).containsExactly("BACKWARDS");
		assertThat(this.flow.itemStatus(this.caseNo, "DRIVING_LICENCE_CANCELLATION")).isEqualTo("DONE");
	}

	@Test
	void medicalInsuranceEnvelopeSendsTheItemToTheWindowWithTheSeedReason() {
		String body = """
				{"transactionCode":"8809","messageId":"YB20261202153000000007","sender":"SXYB",\
				"sentAt":"2026-12-02 15:30:00","input":{"biz_sn":"%s","result":"3",\
				"reason":"医疗费用未结清","amount":null,"bank_acct":null}}"""
			.formatted(this.caseNo + "-MEDICAL_ACCOUNT_WITHDRAWAL");
		HubApi.Response answer = this.api.postJson("/api/v1/agency-replies/MEDICAL_INSURANCE", MI_KEY, body);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(result(answer)).isEqualTo("APPLIED");
		JsonNode item = item(this.caseNo, "MEDICAL_ACCOUNT_WITHDRAWAL");
		assertThat(item.path("status").asText()).isEqualTo("OFFLINE_REQUIRED");
		assertThat(item.toString()).contains("MEDICAL_COSTS_UNSETTLED").contains("医疗费用未结清");
	}

	@Test
	void aRepeatedCallbackIsAnsweredDuplicateAndKeptNotAppliedTwice() {
		String reference = this.caseNo + "-PENSION_ACCOUNT_REFUND";
		assertThat(result(hrss(reference, "02"))).isEqualTo("APPLIED");
		HubApi.Response again = hrss(reference, "02");
		assertThat(again.status()).isEqualTo(200);
		assertThat(result(again)).isEqualTo("DUPLICATE");
		assertThat(again.json().path("notApplied").asInt()).isEqualTo(1);
		assertThat(again.json().path("records").get(0).path("anomalyId").asLong()).isPositive();
		assertThat(anomalies(reference)).containsExactly("DUPLICATE");
		Integer done = this.jdbc.sql("""
				select count(*) from case_event e join case_file c on c.id = e.case_id
				where c.case_no = ? and e.type = 'ITEM_DONE'
				""").param(this.caseNo).query(Integer.class).single();
		assertThat(done).isEqualTo(1);
	}

	@Test
	void aCallbackForAReferenceTheHubNeverSentIsKeptAsUnknown() {
		String reference = "SX20261129999999-PENSION_ACCOUNT_REFUND";
		HubApi.Response answer = hrss(reference, "02");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(result(answer)).isEqualTo("UNKNOWN_REFERENCE");
		assertThat(anomalies(reference)).containsExactly("UNKNOWN_REFERENCE");
	}

	@Test
	void aCallbackNamingAnItemOfTheCaseTheHubDidNotSendIsKeptAsUnknown() {
		// the case exists, the item type does not in it: found through case and type, not
		// through an outbox index of the key
		String reference = this.caseNo + "-HOUSING_FUND_WITHDRAWAL";
		assertThat(result(hrss(reference, "02"))).isEqualTo("UNKNOWN_REFERENCE");
		assertThat(anomalies(reference)).containsExactly("UNKNOWN_REFERENCE");
		String noCaseNo = "PENSION_ACCOUNT_REFUND";
		assertThat(result(hrss(noCaseNo, "02"))).isEqualTo("UNKNOWN_REFERENCE");
		assertThat(this.flow.itemStatus(this.caseNo, "PENSION_ACCOUNT_REFUND")).isNotEqualTo("DONE");
	}

	@Test
	void aReplyAfterTheItemWentOverdueIsAppliedAndMarkedLate() {
		this.jdbc.sql("""
				update work_item set due_at = now() - interval '1 day', overdue = true
				where type = 'PENSION_ACCOUNT_REFUND' and case_id = (select id from case_file where case_no = ?)
				""").param(this.caseNo).update();
		assertThat(result(hrss(this.caseNo + "-PENSION_ACCOUNT_REFUND", "02"))).isEqualTo("APPLIED");
		JsonNode item = item(this.caseNo, "PENSION_ACCOUNT_REFUND");
		assertThat(item.path("status").asText()).isEqualTo("DONE");
		assertThat(item.path("overdue").asBoolean()).isTrue();
		String detail = this.jdbc.sql("""
				select e.detail::text from case_event e join case_file c on c.id = e.case_id
				where c.case_no = ? and e.type = 'ITEM_DONE'
				""").param(this.caseNo).query(String.class).single();
		assertThat(detail).contains("\"late\": true");
	}

	@Test
	void anotherAgencysKeyIsRefusedWith403AndNothingIsApplied() {
		String body = hrssBody(this.caseNo + "-PENSION_ACCOUNT_REFUND", "02");
		HubApi.Response answer = this.api.postJson("/api/v1/agency-replies/HRSS", TRAFFIC_KEY, body);
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.api.postJson("/api/v1/agency-replies/HRSS", HubApi.WEB, body).status()).isEqualTo(403);
		assertThat(this.api.postJson("/api/v1/agency-replies/HRSS", null, body).status()).isEqualTo(401);
		assertThat(this.flow.itemStatus(this.caseNo, "PENSION_ACCOUNT_REFUND")).isNotEqualTo("DONE");
	}

	@Test
	void aBodyThatDoesNotReadIsRefusedWith422AndTheMappingsReasons() {
		HubApi.Response answer = this.api.postJson("/api/v1/agency-replies/HRSS", HRSS_KEY,
				"{\"ywlsh\":\"" + this.caseNo + "-PENSION_ACCOUNT_REFUND\",\"blzt\":\"09\"}");
		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		JsonNode errors = answer.json().path("errors");
		assertThat(errors).isNotEmpty();
		assertThat(errors.get(0).path("field").asText()).isEqualTo("blzt");
		assertThat(errors.get(0).path("message").asText()).isNotBlank();
		assertThat(errors.get(0).path("messageEn").asText()).isNotBlank();

		HubApi.Response xml = this.api.post("/api/v1/agency-replies/POLICE_TRAFFIC", TRAFFIC_KEY, "application/xml",
				"<not-the-format/>".getBytes(StandardCharsets.UTF_8));
		assertThat(xml.status()).isEqualTo(422);
		assertThat(this.flow.itemStatus(this.caseNo, "PENSION_ACCOUNT_REFUND")).isNotEqualTo("DONE");
	}

	private HubApi.Response hrss(String reference, String state) {
		return this.api.postJson("/api/v1/agency-replies/HRSS", HRSS_KEY, hrssBody(reference, state));
	}

	private static String hrssBody(String reference, String state) {
		return """
				{"ywlsh":"%s","blzt":"%s","blsm":"个人账户余额已发放","ffje":23456.78,\
				"skzh":"6212***********0005","blsj":"2026-12-02T15:30:00+08:00"}""".formatted(reference, state);
	}

	private HubApi.Response traffic(String reference, String result) {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<jg:JszZxHf xmlns:jg="http://jtgl.gat.shanxi.gov.cn/schema/lb/jszzx/1.0" version="1.0">
				  <jg:Head>
				    <jg:xxid>JG20261129101601000123</jg:xxid>
				    <jg:hfsj>2026-11-29 10:16:01</jg:hfsj>
				    <jg:ywlsh>%s</jg:ywlsh>
				  </jg:Head>
				  <jg:Body>
				    <jg:jg>%s</jg:jg>
				    <jg:sm>已办理</jg:sm>
				    <jg:dabh>140100123456</jg:dabh>
				  </jg:Body>
				</jg:JszZxHf>
				""".formatted(reference, result);
		return this.api.post("/api/v1/agency-replies/POLICE_TRAFFIC", TRAFFIC_KEY, "application/xml",
				xml.getBytes(StandardCharsets.UTF_8));
	}

	private static String result(HubApi.Response answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().path("records").get(0).path("result").asText();
	}

	private List<String> anomalies(String reference) {
		return this.jdbc.sql("select kind from reply_anomaly where reference = ? order by id")
			.param(reference)
			.query(String.class)
			.list();
	}

	private JsonNode item(String caseNo, String type) {
		HubApi.Response view = this.api.get("/api/v1/applications/" + caseNo, HubApi.WEB);
		assertThat(view.status()).isEqualTo(200);
		for (JsonNode item : view.json().path("workItems")) {
			if (type.equals(item.path("item").asText())) {
				return item;
			}
		}
		throw new AssertionError("no work item " + type + " in " + view.body());
	}

}
