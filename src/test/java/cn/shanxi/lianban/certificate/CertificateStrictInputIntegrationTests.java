package cn.shanxi.lianban.certificate;

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
 * Certificate records over REST: text that is not plain, too long, a time in the
 * partners' usual forms, an issuer that is not the sender. A bad record is refused alone
 * with its reason; what is accepted, the agencies' mappings can render.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CertificateStrictInputIntegrationTests {

	static final String HEALTH_CENTRE = "demo-health-centre-key";

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

	JsonNode line(String key, ObjectNode record) {
		HubApi.Response answer = this.api.postJson("/api/v1/certificates", key, record.toString());
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().get("lines").get(0);
	}

	@Test
	void aNulInTheDeceasedsNameIsRejectedAndLaterApplicationsForThatPersonAreAccepted() {
		ObjectNode form = CaseFlow.form();
		ObjectNode record = CaseFlow.certificate(form);
		record.with("deceased").put("name", "李\u0000大山");

		JsonNode line = line(HubApi.HOSPITAL, record);

		assertThat(line.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(line.at("/reasons/0/code").asText()).isEqualTo("deceased.name.controlCharacter");
		assertThat(line.at("/reasons/0/messageEn").asText()).contains("U+0000");
		HubApi.Response application = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());
		assertThat(application.status()).as(application.body()).isEqualTo(201);
	}

	@Test
	void controlAndInvisibleCharactersInAnyFieldAreRejectedWithTheFieldNamed() {
		for (String[] bad : List.of(new String[] { "deceased", "householdAddress", "山西省\u001b[2J太原市" },
				new String[] { "causes", "a", "急性\u0007心肌梗死" }, new String[] { "issuer", "doctor", "王\u202e医生" })) {
			ObjectNode record = CaseFlow.certificate(CaseFlow.form());
			record.with(bad[0]).put(bad[1], bad[2]);

			JsonNode line = line(HubApi.HOSPITAL, record);

			assertThat(line.get("outcome").asText()).as(bad[1]).isEqualTo("REJECTED");
			assertThat(line.at("/reasons/0/code").asText()).isEqualTo(bad[0] + "." + bad[1] + ".controlCharacter");
		}
	}

	@Test
	void halfACharacterWrittenAsAJsonEscapeIsRejected() {
		ObjectNode record = CaseFlow.certificate(CaseFlow.form());
		record.with("relative").put("name", "李HALF明");
		String body = record.toString().replace("HALF", "\\ud800");

		HubApi.Response answer = this.api.postJson("/api/v1/certificates", HubApi.HOSPITAL, body);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().at("/lines/0/reasons/0/code").asText()).isEqualTo("relative.name.controlCharacter");
	}

	@Test
	void everyFieldHasALengthLimit() {
		ObjectNode record = CaseFlow.certificate(CaseFlow.form());
		record.with("deceased").put("name", "李".repeat(51));
		record.with("deceased").put("usualAddress", "山".repeat(201));
		record.with("death").put("place", "x".repeat(5000));

		JsonNode line = line(HubApi.HOSPITAL, record);

		assertThat(line.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(line.get("reasons").findValuesAsText("code")).containsExactlyInAnyOrder("deceased.name.tooLong",
				"deceased.usualAddress.tooLong", "death.place.tooLong");
	}

	@Test
	void thePartnersUsualTimeFormsAreAcceptedAndStoredAsIso() {
		String[][] forms = { { "2026-11-27 03:40:00", "2026-11-27T03:40:00+08:00" },
				{ "2026/11/27 03:40", "2026-11-27T03:40:00+08:00" }, { "20261127034000", "2026-11-27T03:40:00+08:00" },
				{ "2026-11-26 19:40:00Z", "2026-11-27T03:40:00+08:00" },
				{ "2026-11-27 03:40:00 +0800", "2026-11-27T03:40:00+08:00" },
				{ "2026/11/27 3:40:00+08:00", "2026-11-27T03:40:00+08:00" } };
		for (String[] time : forms) {
			ObjectNode record = CaseFlow.certificate(CaseFlow.form());
			record.with("death").put("time", time[0]);
			record.with("issuer").put("issuedAt", "20261127081000");

			JsonNode line = line(HubApi.HOSPITAL, record);

			assertThat(line.get("outcome").asText()).as(time[0] + ": " + line).isEqualTo("ACCEPTED");
			assertThat(stored(record.get("certificateNo").asText(), "death", "time")).isEqualTo(time[1]);
			assertThat(stored(record.get("certificateNo").asText(), "issuer", "issuedAt"))
				.isEqualTo("2026-11-27T08:10:00+08:00");
		}
	}

	@Test
	void aTimeInNoKnownFormIsRejectedSayingWhichFormsAreKnown() {
		for (String time : List.of("27/11/2026 03:40", "2026-11-27", "2026-13-27 03:40", "yesterday")) {
			ObjectNode record = CaseFlow.certificate(CaseFlow.form());
			record.with("death").put("time", time);

			JsonNode line = line(HubApi.HOSPITAL, record);

			assertThat(line.get("outcome").asText()).as(time).isEqualTo("REJECTED");
			assertThat(line.at("/reasons/0/code").asText()).isEqualTo("death.time.format");
			assertThat(line.at("/reasons/0/message").asText()).contains("2026-11-27 03:40:00");
		}
	}

	@Test
	void aCertificateWithTheCommonLocalTimeFormGetsEveryItemSentNotToTheWindow() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);
		ObjectNode record = CaseFlow.certificate(form);
		record.with("death").put("time", "2026-11-27 03:40:00");
		record.with("issuer").put("issuedAt", "2026-11-27 08:10:00");

		assertThat(line(HubApi.HOSPITAL, record).get("outcome").asText()).isEqualTo("ACCEPTED");

		assertThat(this.jdbc.sql("""
				select count(*) from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.status = 'OFFLINE_REQUIRED'
				""").param(caseNo).query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from outbox_message m join case_file c on c.id = m.case_id where c.case_no = ?
				""").param(caseNo).query(Integer.class).single()).isEqualTo(8);
	}

	@Test
	void aPartnerMayOnlySendCertificatesItIssuedItself() {
		// the health centre's key filing a record as issued by the provincial hospital
		ObjectNode record = CaseFlow.certificate(CaseFlow.form());
		assertThat(record.at("/issuer/institutionCode").asText()).isEqualTo("12140000405660001X");

		JsonNode line = line(HEALTH_CENTRE, record);

		assertThat(line.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(line.at("/reasons/0/code").asText()).isEqualTo("issuer.institutionCode.notSender");
		assertThat(line.at("/reasons/0/messageEn").asText()).contains("12140105MB01528637");
		assertThat(this.jdbc.sql("select count(*) from certificate where certificate_no = ?")
			.param(record.get("certificateNo").asText())
			.query(Integer.class)
			.single()).isZero();

		record.with("issuer").put("institutionCode", "12140105MB01528637").put("institutionName", "坞城街道社区卫生服务中心");
		assertThat(line(HEALTH_CENTRE, record).get("outcome").asText()).isEqualTo("ACCEPTED");
	}

	@Test
	void aCremationRecordNamesItsSenderAsTheFuneralHome() {
		String id = TestRecords.idNumber("140105");
		ObjectNode record = TestRecords.cremation("HZ" + id.substring(8), id);
		record.with("funeralHome").put("name", "阳曲县殡仪馆").put("code", "12140122MB00000009");

		JsonNode line = line("demo-funeral-home-key", record);

		assertThat(line.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(line.at("/reasons/0/code").asText()).isEqualTo("funeralHome.code.notSender");
	}

	private String stored(String certificateNo, String group, String field) {
		return this.jdbc.sql("select record->?->>? from certificate where certificate_no = ?")
			.params(group, field, certificateNo)
			.query(String.class)
			.single();
	}

}
