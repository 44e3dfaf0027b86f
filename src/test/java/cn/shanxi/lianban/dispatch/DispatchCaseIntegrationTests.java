package cn.shanxi.lianban.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.casefile.CaseMayProceed;
import cn.shanxi.lianban.simulator.SimulatedAgencies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dispatch a case: one message per pending work item for its agency, written with the
 * timeline event in the transaction that lets the case proceed, never twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DispatchCaseIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DispatchCase dispatch;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	SimulatedAgencies agencies;

	@LocalServerPort
	int port;

	CaseFlow flow;

	@BeforeEach
	void setUp() {
		this.flow = new CaseFlow(this.context, this.port);
	}

	@Test
	void everyPendingItemGetsOneMessageForItsAgencyKeyedByCaseAndItem() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);
		assertThat(messages(caseNo)).isEmpty();

		this.flow.certify(form);

		assertThat(messages(caseNo)).containsOnly(Map.entry("HUKOU_CANCELLATION", "POLICE_HUKOU"),
				Map.entry("DRIVING_LICENCE_CANCELLATION", "POLICE_TRAFFIC"),
				Map.entry("PENSION_ACCOUNT_REFUND", "HRSS"), Map.entry("SURVIVOR_BENEFIT", "HRSS"),
				Map.entry("MEDICAL_INSURANCE_TERMINATION", "MEDICAL_INSURANCE"),
				Map.entry("MEDICAL_ACCOUNT_WITHDRAWAL", "MEDICAL_INSURANCE"),
				Map.entry("HOUSING_FUND_WITHDRAWAL", "HOUSING_FUND"),
				Map.entry("ELDERLY_SUBSIDY_STOP", "CIVIL_AFFAIRS"));
		List<String> keys = this.jdbc.sql("""
				select m.dedup_key from outbox_message m join case_file c on c.id = m.case_id where c.case_no = ?
				""").param(caseNo).query(String.class).list();
		assertThat(keys).contains(caseNo + "-HUKOU_CANCELLATION", caseNo + "-ELDERLY_SUBSIDY_STOP");
		// the funeral home gets nothing: its record comes by itself
		assertThat(this.flow.itemStatus(caseNo, "CREMATION_CERTIFICATE")).isEqualTo("PENDING");
		JsonNode dispatched = event(caseNo, "DISPATCHED");
		assertThat(dispatched.get("messages").asInt()).isEqualTo(8);
		assertThat(dispatched.get("waiting").toString()).contains("CREMATION_CERTIFICATE");
	}

	@Test
	void theOutboxRowsAndTheTimelineEventAreWrittenInTheTransactionThatLetsTheCaseProceed() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);
		long caseId = caseId(caseNo);
		this.flow.fileCertificateOnly(form);

		this.tx.executeWithoutResult((status) -> {
			this.context.publishEvent(new CaseMayProceed(caseId, caseNo));
			assertThat(messages(caseNo)).hasSize(8);
			status.setRollbackOnly();
		});

		assertThat(messages(caseNo)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from case_event where case_id = ? and type = 'DISPATCHED'")
			.param(caseId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.flow.itemStatus(caseNo, "HUKOU_CANCELLATION")).isEqualTo("PENDING");
	}

	@Test
	void aCaseDispatchedAgainGetsNoSecondMessageForAnyItem() {
		ObjectNode form = CaseFlow.form();
		String caseNo = this.flow.apply(form);
		this.flow.certify(form);
		long caseId = caseId(caseNo);

		this.tx.executeWithoutResult((status) -> this.context.publishEvent(new CaseMayProceed(caseId, caseNo)));
		this.dispatch.dispatch(caseId);

		assertThat(this.jdbc.sql("select count(*) from outbox_message where case_id = ?")
			.param(caseId)
			.query(Integer.class)
			.single()).isEqualTo(8);
	}

	@Test
	void aNameLongerThanThePoliceHouseholdFieldSendsThatItemToTheWindowWithTheReasonAndTheRestOnline() {
		ObjectNode form = CaseFlow.form("HUKOU_CANCELLATION", "DRIVING_LICENCE_CANCELLATION");
		// 16 characters: 32 bytes in GB18030, the XM field holds 30 and a name is never
		// cut
		form.with("deceased").put("name", "阿不都热合曼·买买提明阿不都热合曼");
		String caseNo = this.flow.apply(form);
		this.flow.certify(form);

		assertThat(this.flow.itemStatus(caseNo, "HUKOU_CANCELLATION")).isEqualTo("OFFLINE_REQUIRED");
		JsonNode reason = json(this.jdbc.sql("""
				select w.reason::text from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.type = 'HUKOU_CANCELLATION'
				""").param(caseNo).query(String.class).single());
		assertThat(reason.get("rule").asText()).isEqualTo("mapping.VALUE_TOO_LONG");
		assertThat(reason.get("zh").asText()).contains("窗口");
		assertThat(reason.get("field").asText()).isEqualTo("XM");
		assertThat(messages(caseNo)).containsKey("DRIVING_LICENCE_CANCELLATION")
			.doesNotContainKey("HUKOU_CANCELLATION");
		assertThat(event(caseNo, "DISPATCHED").get("offline").toString()).contains("VALUE_TOO_LONG");
		// never a '?' anywhere in what was sent
		byte[] traffic = this.jdbc.sql("select payload from outbox_message where dedup_key = ?")
			.param(caseNo + "-DRIVING_LICENCE_CANCELLATION")
			.query(byte[].class)
			.single();
		assertThat(new String(traffic, java.nio.charset.StandardCharsets.UTF_8)).contains("阿不都热合曼·买买提明阿不都热合曼");
	}

	@Test
	void aDeathCertificateAlreadyOnRecordMakesTheRequestForItDoneAtOnce() {
		ObjectNode form = CaseFlow.form("DEATH_CERTIFICATE", "HUKOU_CANCELLATION");
		this.flow.certify(form);
		String caseNo = this.flow.apply(form);

		assertThat(this.flow.itemStatus(caseNo, "DEATH_CERTIFICATE")).isEqualTo("DONE");
		assertThat(messages(caseNo)).doesNotContainKey("DEATH_CERTIFICATE");
	}

	@Test
	void aCertificateThatArrivesWhileItsRequestWaitsWithdrawsTheRequest() {
		this.agencies.down("HEALTH");
		try {
			ObjectNode form = CaseFlow.form("DEATH_CERTIFICATE", "HUKOU_CANCELLATION");
			String caseNo = this.flow.apply(form);
			assertThat(messages(caseNo)).containsEntry("DEATH_CERTIFICATE", "HEALTH");
			// its first attempt failed and is recorded: it waits for its next one
			await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.sql("""
					select count(*) from message_log l join outbox_message m on m.id = l.outbox_id
					where m.dedup_key = ? and l.event = 'FAILED'
					""").param(caseNo + "-DEATH_CERTIFICATE").query(Integer.class).single() > 0);

			this.flow.certify(form);

			assertThat(this.flow.itemStatus(caseNo, "DEATH_CERTIFICATE")).isEqualTo("DONE");
			assertThat(status(caseNo + "-DEATH_CERTIFICATE")).isEqualTo("CANCELLED");
			assertThat(this.jdbc.sql("""
					select event from message_log l join outbox_message m on m.id = l.outbox_id where m.dedup_key = ?
					order by l.id
					""").param(caseNo + "-DEATH_CERTIFICATE").query(String.class).list()).endsWith("CANCELLED");
		}
		finally {
			this.agencies.up("HEALTH");
		}
	}

	@Test
	void aNonNormalDeathsCertificateIsAskedOfThePoliceNotHealth() {
		ObjectNode form = CaseFlow.form("DEATH_CERTIFICATE", "HUKOU_CANCELLATION");
		form.with("deceased").put("nonNormalDeath", true);
		String caseNo = this.flow.apply(form);

		assertThat(messages(caseNo)).containsOnly(Map.entry("DEATH_CERTIFICATE", "POLICE"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.agencies.received().withKey(caseNo + "-DEATH_CERTIFICATE")).singleElement()
						.satisfies((r) -> assertThat(r.agency()).isEqualTo("POLICE")));

		// the certificate arrives: the request is done, the case goes on
		this.flow.certify(form);
		assertThat(this.flow.itemStatus(caseNo, "DEATH_CERTIFICATE")).isEqualTo("DONE");
		assertThat(messages(caseNo)).containsEntry("HUKOU_CANCELLATION", "POLICE_HUKOU");
	}

	@Test
	void aNormalDeathsCertificateIsAskedOfHealth() {
		ObjectNode form = CaseFlow.form("DEATH_CERTIFICATE", "HUKOU_CANCELLATION");
		form.with("deceased").put("nonNormalDeath", false);
		String caseNo = this.flow.apply(form);

		assertThat(messages(caseNo)).containsOnly(Map.entry("DEATH_CERTIFICATE", "HEALTH"));
	}

	private Map<String, String> messages(String caseNo) {
		Map<String, String> messages = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select w.type, m.agency from outbox_message m join work_item w on w.id = m.work_item_id
				join case_file c on c.id = m.case_id where c.case_no = ?
				""").param(caseNo).query((rs) -> {
			messages.put(rs.getString(1), rs.getString(2));
		});
		return messages;
	}

	private String status(String dedupKey) {
		return this.jdbc.sql("select status from outbox_message where dedup_key = ?")
			.param(dedupKey)
			.query(String.class)
			.single();
	}

	private long caseId(String caseNo) {
		return this.jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).single();
	}

	private JsonNode event(String caseNo, String type) {
		return json(this.jdbc.sql("""
				select e.detail::text from case_event e join case_file c on c.id = e.case_id
				where c.case_no = ? and e.type = ? order by e.id desc limit 1
				""").params(caseNo, type).query(String.class).single());
	}

	private static JsonNode json(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
