package cn.shanxi.lianban.certificate;

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
 * The same ID number, two names: the application and the death certificate disagree on
 * the deceased's name. Nothing goes to any agency; the case is ON_HOLD with the reason
 * "姓名与死亡证明不一致" until an operator confirms (the case proceeds) or rejects it, and the
 * timeline records who and when.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NameMismatchHoldIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	CaseFlow flow;

	HubApi api;

	@BeforeEach
	void setUp() {
		this.flow = new CaseFlow(this.context, this.port);
		this.api = this.flow.api();
	}

	@Test
	void aCertificateNamingTheDeceasedOtherwiseHoldsTheCaseAndNothingIsSent() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);

		certify(form, "李小山");

		JsonNode view = view(caseNo);
		assertThat(view.get("status").asText()).isEqualTo("ON_HOLD");
		assertThat(view.get("statusReason").asText()).contains("姓名与死亡证明不一致");
		assertThat(messages(caseNo)).isZero();
		assertThat(view.get("timeline").findValuesAsText("type")).contains("CASE_ON_HOLD");
		assertThat(view.get("workItems").findValuesAsText("status")).doesNotContain("SENT");
	}

	@Test
	void aCertificateOnRecordFirstHoldsTheApplicationThatNamesAnotherName() {
		ObjectNode form = CaseFlow.form();
		certify(form, "李小山");

		String caseNo = this.flow.apply(form);

		assertThat(view(caseNo).get("status").asText()).isEqualTo("ON_HOLD");
		assertThat(messages(caseNo)).isZero();
	}

	@Test
	void namesWrittenWithOtherSpacesOrDotsAreTheSameName() {
		ObjectNode form = CaseFlow.form();
		form.with("deceased").put("name", "买买提·艾力");
		String caseNo = this.flow.apply(form);

		certify(form, "买买提 • 艾力");

		assertThat(view(caseNo).get("status").asText()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void anOperatorConfirmingItIsTheSamePersonLetsTheCaseProceedAndTheTimelineSaysWhoAndWhen() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);
		certify(form, "李小山");

		HubApi.Response answer = hold(caseNo, "confirm", HubApi.OPERATOR);

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.json().get("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(answer.json().get("decidedBy").asText()).isEqualTo("operator");
		JsonNode view = view(caseNo);
		assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(messages(caseNo)).isEqualTo(8);
		JsonNode confirmed = event(view, "HOLD_CONFIRMED");
		assertThat(confirmed.get("source").asText()).isEqualTo("operator:operator");
		assertThat(confirmed.get("at").asText()).isNotBlank();
		assertThat(confirmed.at("/detail/operator").asText()).isEqualTo("operator");
		// decided once
		assertThat(hold(caseNo, "confirm", HubApi.OPERATOR).status()).isEqualTo(409);
		assertThat(changedBy(caseNo)).containsExactly("operator");
	}

	@Test
	void anOperatorRejectingTheCaseSendsNothingAndTellsTheFamilyWhy() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);
		certify(form, "王五");

		HubApi.Response answer = hold(caseNo, "reject", HubApi.OPERATOR);

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode view = view(caseNo);
		assertThat(view.get("status").asText()).isEqualTo("REJECTED");
		assertThat(view.get("statusReason").asText()).contains("不是同一人").contains("not the person");
		assertThat(messages(caseNo)).isZero();
		assertThat(event(view, "HOLD_REJECTED").get("source").asText()).isEqualTo("operator:operator");
		assertThat(hold(caseNo, "confirm", HubApi.OPERATOR).status()).isEqualTo(409);
		assertThat(changedBy(caseNo)).containsExactly("operator");
	}

	/** Who the audit log says changed the case (the operator person who decided). */
	private java.util.List<String> changedBy(String caseNo) {
		return this.jdbc
			.sql("select actor_id from audit_entry where case_no = ? and action = 'CHANGE' and part = 'CASE'")
			.param(caseNo)
			.query(String.class)
			.list();
	}

	@Test
	void onlyAnOperatorDecidesAndOnlyAHeldCase() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);

		assertThat(hold(caseNo, "confirm", HubApi.WEB).status()).isEqualTo(403);
		assertThat(hold(caseNo, "confirm", null).status()).isEqualTo(401);
		assertThat(hold(caseNo, "confirm", HubApi.OPERATOR).status()).isEqualTo(409);
		assertThat(hold("SX20990101999999", "reject", HubApi.OPERATOR).status()).isEqualTo(404);
		assertThat(view(caseNo).get("status").asText()).isEqualTo("AWAITING_CERTIFICATE");
	}

	private void certify(ObjectNode form, String nameOnCertificate) {
		ObjectNode record = CaseFlow.certificate(form);
		record.with("deceased").put("name", nameOnCertificate);
		HubApi.Response receipt = this.api.postJson("/api/v1/certificates", HubApi.HOSPITAL, record.toString());
		assertThat(receipt.body()).contains("ACCEPTED");
	}

	private HubApi.Response hold(String caseNo, String decision, String key) {
		return this.api.post("/api/v1/applications/" + caseNo + "/hold/" + decision, key, null, new byte[0]);
	}

	private JsonNode view(String caseNo) {
		return this.api.get("/api/v1/applications/" + caseNo, HubApi.OPERATOR).json();
	}

	private static JsonNode event(JsonNode view, String type) {
		for (JsonNode e : view.get("timeline")) {
			if (e.get("type").asText().equals(type)) {
				return e;
			}
		}
		throw new AssertionError("No " + type + " in " + view.get("timeline"));
	}

	private int messages(String caseNo) {
		return this.jdbc.sql("""
				select count(*) from outbox_message m join case_file c on c.id = m.case_id
				where c.case_no = ? and m.status <> 'CANCELLED'""").param(caseNo).query(Integer.class).single();
	}

}
