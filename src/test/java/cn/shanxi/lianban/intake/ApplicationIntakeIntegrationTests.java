package cn.shanxi.lianban.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The family's application over real HTTP into the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationIntakeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cn.shanxi.lianban.casefile.CaseViews views;

	HubApi api;

	@BeforeEach
	void api() {
		this.api = new HubApi(this.port);
	}

	@Test
	void acceptedApplicationOpensACaseWaitingForItsCertificateWithItsWorkItemsAndTimeline() {
		ObjectNode form = Forms.fresh();
		String deceasedId = form.get("deceased").get("idNumber").asText();

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		String caseNo = answer.json().get("caseNo").asText();
		assertThat(caseNo).matches("SX\\d{8}\\d{6,}");
		assertThat(answer.header("Location")).isEqualTo("/api/v1/applications/" + caseNo);
		assertThat(answer.json().get("status").asText()).isEqualTo("AWAITING_CERTIFICATE");
		assertThat(answer.json().get("channel").asText()).isEqualTo("WEB");

		var row = this.jdbc.sql(
				"select status, channel, deceased_id_number, deceased_name, form->'deceased'->>'name' from case_file where case_no = ?")
			.param(caseNo)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.single();
		assertThat(row).containsExactly("AWAITING_CERTIFICATE", "WEB", deceasedId, "李大山", "李大山");
		assertThat(this.jdbc.sql(
				"select item from case_requested_item i join case_file c on c.id = i.case_id where c.case_no = ? order by item")
			.param(caseNo)
			.query(String.class)
			.list()).containsExactly("CREMATION_CERTIFICATE", "DRIVING_LICENCE_CANCELLATION", "HOUSING_FUND_WITHDRAWAL",
					"HUKOU_CANCELLATION", "MEDICAL_ACCOUNT_WITHDRAWAL", "MEDICAL_INSURANCE_TERMINATION",
					"PENSION_ACCOUNT_REFUND", "SURVIVOR_BENEFIT");
		// the 8 ticked items plus the elderly-subsidy stop that follows from the
		// deceased's benefits
		assertThat(this.jdbc.sql(
				"select w.type || ':' || w.agency || ':' || w.status from work_item w join case_file c on c.id = w.case_id where c.case_no = ?")
			.param(caseNo)
			.query(String.class)
			.list()).hasSize(9)
			.contains("ELDERLY_SUBSIDY_STOP:CIVIL_AFFAIRS:PENDING", "HUKOU_CANCELLATION:POLICE_HUKOU:PENDING",
					"HOUSING_FUND_WITHDRAWAL:HOUSING_FUND:PENDING");
		assertThat(this.jdbc
			.sql("select type from case_event e join case_file c on c.id = e.case_id where c.case_no = ? order by e.id")
			.param(caseNo)
			.query(String.class)
			.list()).containsExactly("APPLICATION_RECEIVED", "AWAITING_CERTIFICATE");

		// a family may apply online and follow at the window: with the case's access code
		HubApi.Response read = this.api.get("/api/v1/applications/" + caseNo, HubApi.WINDOW, "X-Access-Code",
				answer.json().get("accessCode").asText());
		assertThat(read.status()).isEqualTo(200);
		JsonNode view = read.json();
		assertThat(view.get("form").get("deceased").get("idNumber").asText()).isEqualTo(deceasedId);
		assertThat(view.get("workItems")).hasSize(9);
		assertThat(view.get("timeline").get(0).get("source").asText()).isEqualTo("channel:WEB");
	}

	@Test
	void theCaseJsonBuiltByPostgresqlMapsOntoTheDocumentedCaseView() {
		HubApi.Response created = this.api.postJson("/api/v1/applications", HubApi.WEB, Forms.fresh().toString());
		String caseNo = created.json().get("caseNo").asText();

		// strict mapping (unknown fields fail): the OpenAPI schema CaseView says what the
		// API answers
		cn.shanxi.lianban.casefile.CaseView view = this.views.find(caseNo).orElseThrow();

		assertThat(view.caseNo()).isEqualTo(caseNo);
		assertThat(view.status()).isEqualTo("AWAITING_CERTIFICATE");
		assertThat(view.workItems()).hasSize(created.json().get("workItems").size());
		assertThat(view.timeline()).extracting(cn.shanxi.lianban.casefile.CaseView.Event::type)
			.startsWith("APPLICATION_RECEIVED");
		assertThat(view.createdAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
	}

	/**
	 * The 201 answer is built from what the accepting transaction wrote when nothing else
	 * changed the case, and read back from the database when something did: either way it
	 * is the case as GET gives it (times to the microsecond), plus the warnings.
	 */
	@Test
	void theAnswerIsTheCaseAsGetGivesIt() {
		ObjectNode plain = Forms.fresh();
		ObjectNode warned = Forms.fresh();
		Forms.at(warned, "deceased.bankAccount").put("number", "6217000010000000004");
		ObjectNode workInjury = Forms.fresh();
		Forms.at(workInjury, "deceased").put("diedOfWorkInjury", true);
		ObjectNode certificateFirst = Forms.fresh();
		String id = certificateFirst.get("deceased").get("idNumber").asText();
		ObjectNode certificate = cn.shanxi.lianban.certificate.TestRecords.death(id, "140105");
		assertThat(this.api.postJson("/api/v1/certificates", HubApi.HOSPITAL, certificate.toString()).status())
			.isEqualTo(200);

		for (ObjectNode form : List.of(plain, warned, workInjury, certificateFirst)) {
			HubApi.Response created = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			JsonNode answer = created.json().deepCopy();
			JsonNode stored = this.api.get("/api/v1/applications/" + answer.get("caseNo").asText(), HubApi.WEB).json();

			assertThat(((ObjectNode) answer).remove("warnings") != null)
				.isEqualTo(form != plain && form != certificateFirst);
			assertThat(((ObjectNode) answer).remove("accessCode")).as("the answer alone carries the access code")
				.isNotNull();
			assertThat(answer).as(created.body()).isEqualTo(stored);
		}
		assertThat(this.api.get("/api/v1/applications/" + caseOf(id), HubApi.WEB).json().get("status").asText())
			.isEqualTo("IN_PROGRESS");
	}

	private String caseOf(String deceasedId) {
		return this.jdbc.sql("select case_no from case_file where deceased_id_number = ?")
			.param(deceasedId)
			.query(String.class)
			.single();
	}

	@Test
	void lowerCaseXInAnIdNumberIsAcceptedAndStoredUpperCase() {
		ObjectNode form = Forms.fresh();
		String id = withCheckX();
		Forms.at(form, "deceased").put("idNumber", id.toLowerCase());

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertThat(answer.json().get("form").get("deceased").get("idNumber").asText()).isEqualTo(id);
	}

	@Test
	void workInjuryDeathSendsTheSurvivorBenefitToTheWindowWithTheReason() {
		ObjectNode form = Forms.fresh();
		Forms.at(form, "deceased").put("diedOfWorkInjury", true);

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		JsonNode survivor = item(answer.json(), "SURVIVOR_BENEFIT");
		assertThat(survivor.get("status").asText()).isEqualTo("OFFLINE_REQUIRED");
		assertThat(survivor.get("reason").get("zh").asText()).contains("工伤保险");
		assertThat(answer.json().get("warnings"))
			.anySatisfy((w) -> assertThat(w.get("code").asText()).isEqualTo("survivorBenefit.workInjuryOffline"));
	}

	@Test
	void unionPayCardFailingLuhnIsAcceptedWithAWarning() {
		ObjectNode form = Forms.fresh();
		Forms.at(form, "deceased.bankAccount").put("number", "6217000010000000004");

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertThat(answer.json().get("warnings")).anySatisfy((w) -> {
			assertThat(w.get("field").asText()).isEqualTo("deceased.bankAccount.number");
			assertThat(w.get("code").asText()).isEqualTo("account.luhn");
		});
	}

	@Test
	void retryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndNoSecondCase() {
		String body = Forms.fresh().toString();
		String key = "retry-" + System.nanoTime();

		HubApi.Response first = this.api.postJson("/api/v1/applications", HubApi.WEB, body, "Idempotency-Key", key);
		HubApi.Response again = this.api.postJson("/api/v1/applications", HubApi.WEB, body, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(casesOf(body)).isEqualTo(1);
	}

	@Test
	void sameIdempotencyKeyWithADifferentBodyIsAConflict() {
		String key = "conflict-" + System.nanoTime();
		ObjectNode form = Forms.fresh();
		HubApi.Response first = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString(),
				"Idempotency-Key", key);
		Forms.at(form, "applicant").put("phone", "13900000000");

		HubApi.Response second = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString(),
				"Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("type").asText()).endsWith("idempotency-key-reused");
		assertThat(casesOf(form.toString())).isEqualTo(1);
	}

	@Test
	void concurrentRetriesWithOneKeyMakeOneCase() throws Exception {
		String body = Forms.fresh().toString();
		String key = "race-" + System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<HubApi.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> this.api.postJson("/api/v1/applications", HubApi.WEB, body, "Idempotency-Key", key));
			}
			List<String> caseNos = new ArrayList<>();
			for (Future<HubApi.Response> f : pool.invokeAll(calls)) {
				assertThat(f.get().status()).as(f.get().body()).isEqualTo(201);
				caseNos.add(f.get().json().get("caseNo").asText());
			}
			assertThat(caseNos).containsOnly(caseNos.get(0));
			assertThat(casesOf(body)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void idempotencyKeysBelongToTheirClient() {
		String key = "shared-" + System.nanoTime();

		// two families (one case per deceased), the same key from two clients
		HubApi.Response web = this.api.postJson("/api/v1/applications", HubApi.WEB, Forms.fresh().toString(),
				"Idempotency-Key", key);
		HubApi.Response window = this.api.postJson("/api/v1/applications", HubApi.WINDOW, Forms.fresh().toString(),
				"Idempotency-Key", key);

		assertThat(web.status()).isEqualTo(201);
		assertThat(window.status()).isEqualTo(201);
		assertThat(window.json().get("channel").asText()).isEqualTo("WINDOW");
		assertThat(window.json().get("caseNo").asText()).isNotEqualTo(web.json().get("caseNo").asText());
	}

	@Test
	void unknownCaseIsA404Problem() {
		HubApi.Response answer = this.api.get("/api/v1/applications/SX20260101999999", HubApi.WEB, "X-On-Behalf-Of",
				cn.shanxi.lianban.TestIds.next());

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
	}

	private long casesOf(String body) {
		String deceasedId = Forms.at((ObjectNode) readTree(body), "deceased").get("idNumber").asText();
		return this.jdbc.sql("select count(*) from case_file where deceased_id_number = ?")
			.param(deceasedId)
			.query(Long.class)
			.single();
	}

	private static JsonNode readTree(String body) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode item(JsonNode view, String type) {
		for (JsonNode item : view.get("workItems")) {
			if (item.get("item").asText().equals(type)) {
				return item;
			}
		}
		throw new AssertionError("no work item " + type + " in " + view);
	}

	/** A fresh valid ID number whose check character is X. */
	private static String withCheckX() {
		for (int i = 0; i < 1000; i++) {
			String id = cn.shanxi.lianban.TestIds.next();
			if (id.endsWith("X")) {
				return id;
			}
		}
		throw new IllegalStateException("no ID with check character X found");
	}

}
