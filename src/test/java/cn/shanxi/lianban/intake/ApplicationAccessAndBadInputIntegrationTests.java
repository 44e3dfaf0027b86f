package cn.shanxi.lianban.intake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials and every class of bad input: a problem answer, never a 500, nothing
 * stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationAccessAndBadInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HubApi api;

	@BeforeEach
	void api() {
		this.api = new HubApi(this.port);
	}

	@Test
	void noKeyIs401Json() {
		HubApi.Response answer = this.api.postJson("/api/v1/applications", null, Forms.fresh().toString());

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("title").asText()).contains("X-Api-Key");
	}

	@Test
	void unknownKeyIs401() {
		assertThat(this.api.postJson("/api/v1/applications", "not-a-key", Forms.fresh().toString()).status())
			.isEqualTo(401);
		assertThat(this.api.get("/api/v1/applications/SX20260101000001", "not-a-key").status()).isEqualTo(401);
	}

	@Test
	void keyOfAnotherRoleIs403() {
		HubApi.Response partner = this.api.postJson("/api/v1/applications", HubApi.HOSPITAL, Forms.fresh().toString());
		HubApi.Response operator = this.api.postJson("/api/v1/applications", HubApi.OPERATOR, Forms.fresh().toString());

		assertThat(partner.status()).isEqualTo(403);
		assertThat(operator.status()).isEqualTo(403);
		assertThat(partner.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void healthAndApiDocsNeedNoKey() {
		assertThat(this.api.get("/actuator/health", null).status()).isEqualTo(200);
		HubApi.Response docs = this.api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/applications")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/guide")).isTrue();
	}

	@Test
	void nonJsonBodyIs400() {
		long before = cases();
		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, "{\"applicant\": ");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("type").asText()).endsWith("unreadable");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void emptyBodyIs400() {
		assertThat(this.api.postJson("/api/v1/applications", HubApi.WEB, "").status()).isEqualTo(400);
	}

	@Test
	void jsonThatIsNotAFormIs422() {
		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, "[1, 2, 3]");

		assertThat(answer.status()).isEqualTo(422);
	}

	@Test
	void otherContentTypeIs415() {
		HubApi.Response answer = this.api.post("/api/v1/applications", HubApi.WEB, "text/plain",
				Forms.fresh().toString().getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void oversizedBodyIs413AndNothingIsStored() {
		long before = cases();
		char[] padding = new char[300_000];
		Arrays.fill(padding, 'a');
		String body = Forms.fresh().put("padding", new String(padding)).toString();

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, body);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.json().get("detail").asText()).contains("262144");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void manyErrorsAreListedTogether() {
		var form = Forms.fresh();
		Forms.at(form, "applicant").put("phone", "1");
		Forms.at(form, "deceased").put("idNumber", "1");
		Forms.at(form, "commitment").put("accepted", false);

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("errors").findValuesAsText("field")).contains("applicant.phone",
				"deceased.idNumber", "commitment.accepted");
	}

	@Test
	void everyFieldOfTheWrongTypeOrValueIsListedAtOnce() {
		var form = Forms.fresh();
		Forms.at(form, "applicant").put("relation", "NEIGHBOUR");
		Forms.at(form, "deceased").put("medicalInsurance", "PRIVATE");
		Forms.at(form, "deceased").putArray("diedOfWorkInjury").add(1);
		form.putArray("items").add("HUKOU_CANCELLATION").add("FREE_MONEY");
		Forms.at(form, "commitment").put("signedAt", "yesterday");
		Forms.at(form, "deceased").put("nickname", "老李");

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
				"applicant.relation", "deceased.medicalInsurance", "deceased.diedOfWorkInjury", "items[1]",
				"commitment.signedAt", "deceased.nickname");
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from case_file").query(Long.class).single();
	}

}
