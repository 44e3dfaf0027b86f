package cn.shanxi.lianban.certificate;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.casefile.CaseMayProceed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class CertificateApiTests {

	static final String HOSPITAL = "demo-hospital-key";

	static final String HEALTH_CENTRE = "demo-health-centre-key";

	static final String FUNERAL_HOME = "demo-funeral-home-key";

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ApplicationEvents published;

	@Autowired
	CremationRecords cremations;

	@Autowired
	cn.shanxi.lianban.intake.AcceptApplication accept;

	ResponseEntity<JsonNode> post(String key, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			headers.set("X-Api-Key", key);
		}
		return this.http.postForEntity("/api/v1/certificates", new HttpEntity<>(body, headers), JsonNode.class);
	}

	JsonNode line(ResponseEntity<JsonNode> answer, int i) {
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		return answer.getBody().get("lines").get(i);
	}

	@Test
	void acceptsOneRecordAndTheSameRecordAgainIsADuplicate() {
		String id = TestRecords.idNumber("140105");
		ObjectNode record = TestRecords.death(id, "140105");
		JsonNode first = line(post(HOSPITAL, record), 0);
		assertThat(first.get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(first.get("certificateNo").asText()).isEqualTo(id);
		JsonNode again = line(post(HOSPITAL, record), 0);
		assertThat(again.get("outcome").asText()).isEqualTo("DUPLICATE");
		assertThat(again.at("/reasons/0/code").asText()).isEqualTo("record.duplicate");
		assertThat(this.jdbc.sql("select count(*) from certificate where certificate_no = ?")
			.param(id)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aBatchRejectsTheBadRecordAloneWithReasonsInChineseAndEnglish() {
		String good = TestRecords.idNumber("140105");
		String bad = TestRecords.idNumber("140105");
		ObjectNode wrong = TestRecords.death(bad, "140105");
		wrong.with("deceased").put("idNumber", bad.substring(0, 17) + (bad.endsWith("1") ? "2" : "1"));
		wrong.with("causes").put("underlyingIcd10", "heart");
		wrong.with("death").put("time", "2099-01-01T00:00:00+08:00");
		ObjectNode body = TestRecords.JSON.createObjectNode();
		body.putArray("records").add(TestRecords.death(good, "140105")).add(wrong);
		ResponseEntity<JsonNode> answer = post(HOSPITAL, body);
		assertThat(line(answer, 0).get("outcome").asText()).isEqualTo("ACCEPTED");
		JsonNode rejected = line(answer, 1);
		assertThat(rejected.get("lineNo").asInt()).isEqualTo(2);
		assertThat(rejected.get("outcome").asText()).isEqualTo("REJECTED");
		List<String> codes = rejected.get("reasons").findValuesAsText("code");
		assertThat(codes).contains("deceased.idNumber.checksum", "causes.underlyingIcd10.format", "death.time.future");
		assertThat(rejected.at("/reasons/0/message").asText()).contains("身份证");
		assertThat(rejected.at("/reasons/0/messageEn").asText()).contains("check character");
		assertThat(answer.getBody().get("accepted").asInt()).isOne();
		assertThat(answer.getBody().get("rejected").asInt()).isOne();
	}

	@Test
	void unreadableJsonIsA400Problem() {
		ResponseEntity<JsonNode> answer = post(HOSPITAL, "{\"kind\": ");
		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:lianban:problem:json.unreadable");
	}

	@Test
	void onlyPartnerKeysMaySendCertificates() {
		ObjectNode record = TestRecords.death(TestRecords.idNumber("140105"), "140105");
		assertThat(post(null, record).getStatusCode().value()).isEqualTo(401);
		assertThat(post("demo-web-key", record).getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void aPartnerSendingAKindItMayNotIsRejected() {
		JsonNode answer = line(post(FUNERAL_HOME, TestRecords.death(TestRecords.idNumber("140105"), "140105")), 0);
		assertThat(answer.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(answer.at("/reasons/0/code").asText()).isEqualTo("kind.notAllowed");
	}

	@Test
	void aPartnerSendsAsItselfAndCannotCorrectAnotherPartnersCertificate() {
		String id = TestRecords.idNumber("140105");
		post(HOSPITAL, TestRecords.death(id, "140105"));
		assertThat(this.jdbc.sql("select partner_code from certificate where certificate_no = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("SXPH");
		ObjectNode update = TestRecords.death(id, "140105").put("action", "UPDATE").put("version", 2);
		// as issued by the health centre itself (the issuer is the sender)
		update.with("issuer").put("institutionCode", "12140105MB01528637");
		JsonNode answer = line(post(HEALTH_CENTRE, update), 0);
		assertThat(answer.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(answer.at("/reasons/0/code").asText()).isEqualTo("certificate.otherIssuer");
	}

	@Test
	void applicationFirstThenCertificateThenUpdateVoidAndAStaleVersion() {
		String id = TestRecords.idNumber("140105");
		long caseId = TestCases.apply(this.accept, this.jdbc, id);
		assertThat(TestCases.status(this.jdbc, caseId)).isEqualTo("AWAITING_CERTIFICATE");

		assertThat(line(post(HOSPITAL, TestRecords.death(id, "140105").put("version", 2)), 0).get("outcome").asText())
			.isEqualTo("ACCEPTED");
		assertThat(TestCases.status(this.jdbc, caseId)).isEqualTo("IN_PROGRESS");

		ObjectNode update = TestRecords.death(id, "140105").put("action", "UPDATE").put("version", 3);
		update.with("causes").put("underlyingIcd10", "I25.1");
		assertThat(line(post(HOSPITAL, update), 0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(
				this.jdbc.sql("select record->'causes'->>'underlyingIcd10' from certificate where certificate_no = ?")
					.param(id)
					.query(String.class)
					.single())
			.isEqualTo("I25.1");

		JsonNode stale = line(post(HOSPITAL, TestRecords.death(id, "140105").put("version", 1)), 0);
		assertThat(stale.get("outcome").asText()).isEqualTo("STALE");

		ObjectNode voiding = TestRecords.JSON.createObjectNode()
			.put("kind", "DEATH_MEDICAL")
			.put("action", "VOID")
			.put("certificateNo", id)
			.put("version", 4)
			.put("voidReason", "死亡原因填写错误");
		assertThat(line(post(HOSPITAL, voiding), 0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(TestCases.status(this.jdbc, caseId)).isEqualTo("ON_HOLD");
		assertThat(TestCases.reason(this.jdbc, caseId)).contains("死亡原因填写错误").contains("voided");
		assertThat(TestCases.events(this.jdbc, caseId)).containsExactly("CERTIFICATE_MATCHED", "CASE_ELIGIBLE",
				"CERTIFICATE_UPDATED", "CERTIFICATE_VOIDED");
		assertThat(this.jdbc
			.sql("select count(*) from certificate_version v join certificate c"
					+ " on c.id = v.certificate_id where c.certificate_no = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void certificateFirstThenTheApplicationMovesOnAtOnce() {
		String id = TestRecords.idNumber("140105");
		post(HOSPITAL, TestRecords.death(id, "140105"));
		post(FUNERAL_HOME, TestRecords.cremation("HH" + id.substring(10), id));
		long caseId = TestCases.apply(this.accept, this.jdbc, id);
		assertThat(TestCases.status(this.jdbc, caseId)).isEqualTo("IN_PROGRESS");
		assertThat(TestCases.events(this.jdbc, caseId)).containsExactly("CERTIFICATE_MATCHED", "CASE_ELIGIBLE",
				"CREMATION_RECORDED");
		assertThat(this.published.stream(CaseMayProceed.class)).extracting(CaseMayProceed::caseId)
			.containsExactly(caseId);
		assertThat(this.published.stream(CremationRecorded.class)).extracting(CremationRecorded::certificateNo)
			.containsExactly("HH" + id.substring(10));
		assertThat(this.cremations.forDeceased(id)).extracting(CremationRecords.CremationRecord::funeralHomeName)
			.containsExactly("太原市殡仪馆");
		// nothing to wait for: the family is told the case is received, not that it waits
		assertThat(texts(caseId)).contains("CASE_RECEIVED").doesNotContain("AWAITING_CERTIFICATE");
	}

	@Test
	void aCremationRecordLaterLandsOnTheCaseTimeline() {
		String id = TestRecords.idNumber("140105");
		long caseId = TestCases.apply(this.accept, this.jdbc, id);
		JsonNode answer = line(post(FUNERAL_HOME, TestRecords.cremation("HC" + id.substring(10), id)), 0);
		assertThat(answer.get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(TestCases.events(this.jdbc, caseId)).containsExactly("CREMATION_RECORDED");
		assertThat(TestCases.status(this.jdbc, caseId)).isEqualTo("AWAITING_CERTIFICATE");
		assertThat(texts(caseId)).startsWith("CASE_RECEIVED", "AWAITING_CERTIFICATE");
	}

	/** The SMS events written for the family of a case, in order. */
	private List<String> texts(long caseId) {
		return this.jdbc.sql("select event from notification_outbox where case_id = ? and channel = 'SMS' order by id")
			.param(caseId)
			.query(String.class)
			.list();
	}

	@Test
	void aDeceasedRegisteredOutsideShanxiIsRejectedWithTheReason() {
		String id = TestRecords.idNumber("140105");
		long caseId = TestCases.apply(this.accept, this.jdbc, id);
		post(HOSPITAL, TestRecords.death(id, "110105"));
		assertThat(TestCases.status(this.jdbc, caseId)).isEqualTo("REJECTED");
		assertThat(TestCases.reason(this.jdbc, caseId)).contains("户籍不在山西省").contains("not in Shanxi");
		assertThat(TestCases.events(this.jdbc, caseId)).containsExactly("CERTIFICATE_MATCHED", "CASE_REJECTED");
	}

	@Test
	void aDeathOutsideShanxiIsRejected() {
		String id = TestRecords.idNumber("140105");
		long caseId = TestCases.apply(this.accept, this.jdbc, id);
		ObjectNode record = TestRecords.death(id, "140105");
		record.with("death").put("regionCode", "110105");
		post(HOSPITAL, record);
		assertThat(TestCases.status(this.jdbc, caseId)).isEqualTo("REJECTED");
		assertThat(TestCases.reason(this.jdbc, caseId)).contains("did not happen in Shanxi");
	}

	@Test
	void aDeceasedBornElsewhereButRegisteredInShanxiIsEligible() {
		String id = TestRecords.idNumber("110105");
		long caseId = TestCases.apply(this.accept, this.jdbc, id);
		post(HOSPITAL, TestRecords.death(id, "140105"));
		assertThat(TestCases.status(this.jdbc, caseId)).isEqualTo("IN_PROGRESS");
	}

}
