package cn.shanxi.lianban.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel sees its own families' cases only (issue 15: "any channel key reads every
 * case"): a case answers its applicant on the channel they applied through, or on another
 * channel with its access code; everything else is the 404 of an unknown case. Clerks see
 * their service centre's cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelAccessIntegrationTests {

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
	void anotherFamilysCaseIsA404LikeAnUnknownCase() {
		String caseNo = apply(HubApi.APP);
		String stranger = TestIds.next();

		HubApi.Response theirs = this.api.get("/api/v1/applications/" + caseNo, HubApi.APP, "X-On-Behalf-Of", stranger);
		HubApi.Response unknown = this.api.get("/api/v1/applications/SX20990101999999", HubApi.APP, "X-On-Behalf-Of",
				stranger);
		HubApi.Response own = this.api.get("/api/v1/applications/" + caseNo, HubApi.APP);

		assertThat(theirs.status()).isEqualTo(404);
		assertThat(theirs.json().get("type")).isEqualTo(unknown.json().get("type"));
		assertThat(theirs.json().get("title").asText().replace(caseNo, "?"))
			.isEqualTo(unknown.json().get("title").asText().replace("SX20990101999999", "?"));
		assertThat(theirs.body()).doesNotContain(HubApi.applicantOf(caseNo));
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().has("accessCode")).as("a read never shows the access code").isFalse();
	}

	@Test
	void onAnotherChannelTheFamilyNeedsTheAccessCodeWhichTheFirstSmsCarries() {
		HubApi.Response created = this.api.postJson("/api/v1/applications", HubApi.WEB, Forms.fresh().toString());
		String caseNo = created.json().get("caseNo").asText();
		String code = created.json().get("accessCode").asText();
		String path = "/api/v1/applications/" + caseNo;
		String applicant = HubApi.applicantOf(caseNo);

		assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
		assertThat(this.api.get(path, HubApi.MINI_PROGRAM, "X-On-Behalf-Of", applicant).status()).isEqualTo(404);
		assertThat(this.api.get(path, HubApi.MINI_PROGRAM, "X-On-Behalf-Of", applicant, "X-Access-Code", "ABCD-EFGH")
			.status()).isEqualTo(404);
		assertThat(this.api
			.get(path, HubApi.MINI_PROGRAM, "X-On-Behalf-Of", applicant, "X-Access-Code", code.toLowerCase())
			.status()).isEqualTo(200);
		assertThat(this.api.get(path, HubApi.MINI_PROGRAM, "X-On-Behalf-Of", TestIds.next(), "X-Access-Code", code)
			.status()).as("the code with another person: still not theirs").isEqualTo(404);
		String sms = this.jdbc.sql("""
				select o.payload from notification_outbox o join case_file c on c.id = o.case_id
				where c.case_no = ? and o.event = 'CASE_RECEIVED'
				""").param(caseNo).query(String.class).single();
		assertThat(sms).contains(code);
		assertThat(this.jdbc.sql("select count(*) from case_file where access_code_sha256 is not null and case_no = ?")
			.param(caseNo)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select form::text from case_file where case_no = ?")
			.param(caseNo)
			.query(String.class)
			.single()).doesNotContain(code);
	}

	@Test
	void aChannelNamesThePersonItActsForAndThatPersonIsTheApplicant() {
		ObjectNode form = Forms.fresh();

		HubApi.Response none = this.api.get("/api/v1/applications/SX20990101999999", HubApi.WEB);
		HubApi.Response bad = this.api.get("/api/v1/applications/SX20990101999999", HubApi.WEB, "X-On-Behalf-Of",
				"140105198501010019");
		HubApi.Response notTheApplicant = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString(),
				"X-On-Behalf-Of", TestIds.next());

		assertThat(none.status()).isEqualTo(400);
		assertThat(none.json().get("type").asText()).endsWith("on-behalf-of-missing");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(notTheApplicant.status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from case_file where deceased_id_number = ?")
			.param(form.path("deceased").path("idNumber").asText())
			.query(Integer.class)
			.single()).as("nothing stored").isZero();
	}

	/**
	 * Who acts comes first, as the API key does: a channel naming no one is refused
	 * before its body is read; one that names its person gets the contract's answer for
	 * its body, and a mistyped applicant ID is the form's 422 naming the field, not a
	 * 403.
	 */
	@Test
	void whoActsIsCheckedBeforeTheBodyAndTheFormBeforeTheApplicantMatch() {
		String person = TestIds.next();
		ObjectNode typo = Forms.fresh();
		Forms.at(typo, "applicant").put("idNumber", person.substring(0, 17) + (person.charAt(17) == '0' ? '1' : '0'));

		HubApi.Response noOne = this.api.postJson("/api/v1/applications", HubApi.WEB, "{\"applicant\": ",
				"X-On-Behalf-Of", HubApi.NO_ONE);
		HubApi.Response unreadable = this.api.postJson("/api/v1/applications", HubApi.WEB, "{\"applicant\": ",
				"X-On-Behalf-Of", person);
		HubApi.Response mistyped = this.api.postJson("/api/v1/applications", HubApi.WEB, typo.toString(),
				"X-On-Behalf-Of", person);

		assertThat(noOne.status()).isEqualTo(400);
		assertThat(noOne.json().get("type").asText()).endsWith("on-behalf-of-missing");
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.json().get("type").asText()).endsWith("unreadable");
		assertThat(mistyped.status()).as(mistyped.body()).isEqualTo(422);
		assertThat(mistyped.json().get("errors"))
			.anySatisfy((e) -> assertThat(e.get("field").asText()).isEqualTo("applicant.idNumber"));
	}

	@Test
	void materialsAreAddedOnlyByTheOwningChannelAndPersonAndNotOnceTheCaseHasEnded() {
		HubApi.Response created = this.api.postJson("/api/v1/applications", HubApi.WEB, Forms.fresh().toString());
		String caseNo = created.json().get("caseNo").asText();
		String path = "/api/v1/applications/" + caseNo + "/attachments";
		String applicant = HubApi.applicantOf(caseNo);

		assertThat(upload(path, HubApi.APP, "X-On-Behalf-Of", applicant, "X-Access-Code",
				created.json().get("accessCode").asText())
			.status()).as("another channel, even with the code").isEqualTo(404);
		assertThat(upload(path, HubApi.WEB, "X-On-Behalf-Of", TestIds.next()).status()).isEqualTo(404);
		assertThat(upload(path, HubApi.WEB, "X-On-Behalf-Of", applicant).status()).isEqualTo(201);
		this.jdbc.sql("update case_file set status = 'COMPLETED' where case_no = ?").param(caseNo).update();
		HubApi.Response ended = upload(path, HubApi.WEB, "X-On-Behalf-Of", applicant);
		assertThat(ended.status()).isEqualTo(409);
		assertThat(ended.json().get("type").asText()).endsWith("case-ended");
	}

	@Test
	void aClerkSeesOnlyTheirServiceCentresCases() {
		HubApi.Response atTheWindow = this.api.postJson("/api/v1/applications", HubApi.CLERK, Forms.fresh().toString());
		assertThat(atTheWindow.status()).as(atTheWindow.body()).isEqualTo(201);
		String windowCase = atTheWindow.json().get("caseNo").asText();
		String onlineCase = apply(HubApi.WEB);
		String otherCentre = HubApi.person("clerk-yingze", "demo-clerk-password");
		this.jdbc
			.sql("""
					insert into account (username, display_name, role, service_centre, password_hash, created_at, updated_at)
					select 'clerk-yingze', '刘芳', 'CLERK', 'TY-YINGZE', password_hash, now(), now() from account
					where username = 'clerk' on conflict do nothing
					""")
			.update();

		assertThat(atTheWindow.json().get("channel").asText()).isEqualTo("WINDOW");
		assertThat(atTheWindow.json().path("timeline").path(0).path("source").asText()).isEqualTo("person:clerk");
		assertThat(this.api.get("/api/v1/applications/" + windowCase, HubApi.CLERK).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/applications/" + onlineCase, HubApi.CLERK).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/applications/" + windowCase, HubApi.OPERATOR).status()).isEqualTo(200);
		JsonNode list = this.api.get("/api/v1/applications?size=200", HubApi.CLERK).json();
		assertThat(list.get("cases").findValuesAsText("caseNo")).contains(windowCase).doesNotContain(onlineCase);
		assertThat(this.jdbc
			.sql("select count(*) from case_file where service_centre is distinct from 'TY-XIAODIAN' "
					+ "and case_no in (:cases)")
			.param("cases", list.get("cases").findValuesAsText("caseNo"))
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.api.get("/api/v1/applications/" + windowCase, otherCentre).status()).isEqualTo(404);
	}

	private String apply(String channel) {
		HubApi.Response created = this.api.postJson("/api/v1/applications", channel, Forms.fresh().toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("caseNo").asText();
	}

	private HubApi.Response upload(String path, String key, String... headers) {
		String boundary = "b" + System.nanoTime();
		byte[] png = java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(png);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return this.api.post(path, key, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
	}

}
