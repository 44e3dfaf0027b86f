package cn.shanxi.lianban.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.TestClock;
import cn.shanxi.lianban.TestIds;
import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import cn.shanxi.lianban.audit.AuditEntry.Part;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every read and change of personal data is audited (issue 15: "no record of who read
 * what"): who, what case, which part, when, from where, why; append-only, sealed by a
 * hash chain that a changed row breaks; readable by auditors; purged after its retention.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Audit audit;

	@Autowired
	AuditSeals seals;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditRetention retention;

	@Autowired
	TestClock clock;

	@AfterEach
	void clock() {
		this.clock.reset();
	}

	@Test
	void aReadARevealAndAChangeAreAuditedWithWhoWhatWhenFromWhereAndWhy() {
		HubApi api = new HubApi(this.port);
		HubApi.Response created = api.postJson("/api/v1/applications", HubApi.WEB, Forms.fresh().toString());
		String caseNo = created.json().get("caseNo").asText();
		String applicant = HubApi.applicantOf(caseNo);
		api.get("/api/v1/applications/" + caseNo, HubApi.WEB);
		api.get("/api/v1/applications/" + caseNo, HubApi.APP, "X-On-Behalf-Of", TestIds.next());
		api.get("/api/v1/applications/" + caseNo, HubApi.OPERATOR);
		// as the console does when an operator asks to see the applicant's number in full
		this.audit.reveal(Actor.person("operator", "王敏", Role.OPERATOR, null, null), caseNo, Part.ID_NUMBER,
				"核对申请人身份 / checking the applicant's identity");

		JsonNode entries = api.get("/api/v1/audit?case=" + caseNo, HubApi.AUDITOR).json().get("entries");

		assertThat(entries)
			.extracting((e) -> e.get("action").asText() + " " + e.get("actor").asText() + " " + e.get("part").asText())
			.containsExactly("REVEAL operator ID_NUMBER", "READ operator CASE", "DENIED sanjintong-app CASE",
					"READ portal-web CASE", "CREATE portal-web CASE");
		JsonNode read = entries.get(3);
		assertThat(read.get("onBehalfOf").asText())
			.isEqualTo(applicant.substring(0, 4) + "**********" + applicant.substring(14));
		assertThat(read.get("sourceIp").asText()).isEqualTo("127.0.0.1");
		assertThat(read.get("at").asText()).endsWith("+08:00");
		assertThat(entries.get(0).get("purpose").asText()).contains("checking the applicant's identity");
		assertThat(api.get("/api/v1/audit?case=" + caseNo, HubApi.OPERATOR).status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from audit_entry where on_behalf_of = ?")
			.param(applicant)
			.query(Integer.class)
			.single()).as("no ID number in clear in the log").isZero();
	}

	@Test
	void auditorsFilterByPersonAndTime() {
		HubApi api = new HubApi(this.port);
		Instant before = Instant.now().minusSeconds(1);
		api.get("/api/v1/applications?size=1", HubApi.SUPERVISOR);

		JsonNode entries = api
			.get("/api/v1/audit?person=supervisor&from=" + before.atZone(java.time.ZoneOffset.UTC).toOffsetDateTime()
					+ "&to=2999-01-01T00:00:00%2B08:00", HubApi.AUDITOR)
			.json()
			.get("entries");
		HubApi.Response wrong = api.get("/api/v1/audit?from=yesterday", HubApi.AUDITOR);

		assertThat(entries).isNotEmpty().allSatisfy((e) -> assertThat(e.get("actor").asText()).isEqualTo("supervisor"));
		assertThat(entries.get(0).get("part").asText()).isEqualTo("CASE_LIST");
		assertThat(wrong.status()).isEqualTo(422);
	}

	@Test
	void theLogIsAppendOnly() {
		this.audit.read(Actor.HUB, null, Part.CASE_LIST);

		assertThatThrownBy(() -> this.jdbc.sql("update audit_entry set actor_id = 'nobody'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_entry").update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit_entry").update()).hasMessageContaining("append-only");
	}

	@Test
	void theChainCheckFailsAfterAnEditedRowAndNamesItsSeal() {
		this.audit.read(Actor.person("operator", "王敏", Role.OPERATOR, null, null), "SX20990101000001", Part.CASE);
		this.seals.seal();
		long id = this.jdbc.sql("select max(id) from audit_entry where case_no = 'SX20990101000001'")
			.query(Long.class)
			.single();
		assertThat(this.chain.verify().intact()).isTrue();
		assertThat(new HubApi(this.port).get("/api/v1/audit/verify", HubApi.AUDITOR).json().get("intact").asBoolean())
			.isTrue();

		// someone with the database's keys rewrites who read the case
		edit("update audit_entry set actor_id = 'somebody-else' where id = " + id);
		try {
			AuditChain.Verification broken = this.chain.verify();

			assertThat(broken.intact()).isFalse();
			assertThat(broken.problems()).anySatisfy((p) -> {
				assertThat(p.firstEntryId()).isLessThanOrEqualTo(id);
				assertThat(p.lastEntryId()).isGreaterThanOrEqualTo(id);
				assertThat(p.en()).contains("edited");
			});
		}
		finally {
			edit("update audit_entry set actor_id = 'operator' where id = " + id);
		}
		assertThat(this.chain.verify().intact()).as("put back as sealed: intact again").isTrue();
	}

	@Test
	void entriesPastTheRetentionArePurgedByALoggedJobAndTheChainStillHolds() {
		this.audit.read(Actor.HUB, "SX20990101000002", Part.CASE);
		this.seals.seal();
		Instant later = Instant.now().plus(Duration.ofDays(200));
		this.clock.setTo(later);
		this.audit.read(Actor.HUB, "SX20990101000003", Part.CASE);
		this.seals.seal();

		long purged = this.retention.purge();

		assertThat(purged).isPositive();
		assertThat(count("case_no = 'SX20990101000002'")).isZero();
		assertThat(count("case_no = 'SX20990101000003'")).as("younger than 180 days: kept").isOne();
		assertThat(count("action = 'PURGE'")).isPositive();
		this.seals.seal();
		assertThat(this.chain.verify().intact()).isTrue();
	}

	@Test
	void healthTellsOperatorsHowFarSealingLags() {
		this.audit.read(Actor.HUB, null, Part.CASE_LIST);
		HubApi api = new HubApi(this.port);

		JsonNode health = api.get("/actuator/health/audit", HubApi.OPERATOR).json();

		assertThat(health.path("details").has("unsealed")).isTrue();
		assertThat(api.get("/actuator/health/audit", null).json().has("details")).as("no details without a login")
			.isFalse();
	}

	private int count(String where) {
		return this.jdbc.sql("select count(*) from audit_entry where " + where).query(Integer.class).single();
	}

	private void edit(String sql) {
		for (String statement : List.of("alter table audit_entry disable trigger audit_entry_append_only", sql,
				"alter table audit_entry enable trigger audit_entry_append_only")) {
			this.jdbc.sql(statement).update();
		}
	}

}
