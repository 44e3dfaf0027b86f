package cn.shanxi.lianban.dispatch;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.casefile.CaseMayProceed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failure of the hub's own making never sends the family to the window: a code missing
 * from a code table, a stored value a mapping cannot format. The item waits PARKED with
 * the reason for an operator ({@code /api/v1/parked}), the family is told nothing
 * technical, and a replay once mended renders and sends it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubMadeFailuresIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

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
	void aCodeMissingFromACodeTableParksTheItemAndTellsTheFamilyNothing() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);
		// 平城区, Datong: in Shanxi, but not (yet) in the civil affairs' region-name table
		ObjectNode certificate = CaseFlow.certificate(form);
		certificate.with("deceased").put("householdRegionCode", "140213");
		assertThat(this.api.postJson("/api/v1/certificates", HubApi.HOSPITAL, certificate.toString()).body())
			.contains("ACCEPTED");

		assertThat(this.flow.itemStatus(caseNo, "ELDERLY_SUBSIDY_STOP")).isEqualTo("PARKED");
		assertThat(statuses(caseNo)).doesNotContain("OFFLINE_REQUIRED");
		JsonNode parked = parked(caseNo, "ELDERLY_SUBSIDY_STOP");
		assertThat(parked.get("lastError").asText()).contains("UNKNOWN_CODE").contains("region");
		// the family's view and SMS: nothing technical, no window
		String view = this.api.get("/api/v1/applications/" + caseNo, HubApi.WEB).body();
		assertThat(view).doesNotContain("UNKNOWN_CODE").doesNotContain("region").doesNotContain("窗口");
		assertThat(this.jdbc.sql("""
				select count(*) from notification_outbox o join case_file c on c.id = o.case_id
				where c.case_no = ? and o.event = 'ITEM_OFFLINE'""").param(caseNo).query(Integer.class).single())
			.isZero();

		// not mended yet: the replay is refused with the reason, the item stays parked
		HubApi.Response replay = replay(parked.get("id").asLong());
		assertThat(replay.status()).as(replay.body()).isEqualTo(409);
		assertThat(replay.json().at("/errors/0/code").asText()).isEqualTo("UNKNOWN_CODE");
		assertThat(this.flow.itemStatus(caseNo, "ELDERLY_SUBSIDY_STOP")).isEqualTo("PARKED");
	}

	@Test
	void aStoredTimeTheMappingCannotFormatParksTheItemsAndAReplayOnceMendedSendsThem() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);
		long caseId = this.jdbc.sql("select id from case_file where case_no = ?")
			.param(caseNo)
			.query(Long.class)
			.single();
		// a certificate stored by an older hub, its time as the partner wrote it
		this.flow.fileCertificateOnly(form);
		this.jdbc
			.sql("""
					update certificate set record = cast(jsonb_set(cast(record as jsonb), '{death,time}', '"2026年11月27日 03:40"') as json)
					where certificate_no = ?""")
			.param(form.at("/deceased/idNumber").asText())
			.update();
		this.tx.executeWithoutResult((status) -> this.context.publishEvent(new CaseMayProceed(caseId, caseNo)));

		assertThat(this.flow.itemStatus(caseNo, "DRIVING_LICENCE_CANCELLATION")).isEqualTo("PARKED");
		assertThat(statuses(caseNo)).doesNotContain("OFFLINE_REQUIRED");
		JsonNode parked = parked(caseNo, "DRIVING_LICENCE_CANCELLATION");
		assertThat(parked.get("lastError").asText()).contains("BAD_VALUE");

		// mended: the certificate's time in ISO, as the hub stores it now
		this.jdbc
			.sql("""
					update certificate set record = cast(jsonb_set(cast(record as jsonb), '{death,time}', '"2026-11-27T03:40:00+08:00"') as json)
					where certificate_no = ?""")
			.param(form.at("/deceased/idNumber").asText())
			.update();
		HubApi.Response replay = replay(parked.get("id").asLong());

		assertThat(replay.status()).as(replay.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "DELIVERED".equals(this.jdbc.sql("select status from outbox_message where id = ?")
				.param(parked.get("id").asLong())
				.query(String.class)
				.single()));
		assertThat(this.flow.itemStatus(caseNo, "DRIVING_LICENCE_CANCELLATION")).isIn("SENT", "ACCEPTED", "DONE");
		String payload = this.api
			.get("/api/v1/applications/" + caseNo + "/messages/" + parked.get("id").asLong() + "/payload",
					HubApi.OPERATOR)
			.body();
		assertThat(payload).contains("2026-11-27");
	}

	private HubApi.Response replay(long id) {
		return this.api.post("/api/v1/parked/" + id + "/replay", HubApi.OPERATOR, null, new byte[0]);
	}

	private JsonNode parked(String caseNo, String item) {
		for (JsonNode p : this.api.get("/api/v1/parked?limit=5000", HubApi.OPERATOR).json().get("parked")) {
			if (p.get("caseNo").asText().equals(caseNo) && p.get("item").asText().equals(item)) {
				return p;
			}
		}
		throw new AssertionError("Not in /api/v1/parked: " + caseNo + " " + item);
	}

	private java.util.List<String> statuses(String caseNo) {
		return this.jdbc
			.sql("select w.status from work_item w join case_file c on c.id = w.case_id where c.case_no = ?")
			.param(caseNo)
			.query(String.class)
			.list();
	}

}
