package cn.shanxi.lianban.delivery;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.simulator.ReceivedMessages.Received;
import cn.shanxi.lianban.simulator.SimulatedAgencies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application and its certificate reach every agency of the default catalogue, each in
 * its own format over its own transport — real HTTP, real SFTP, a real staging table —
 * and each simulated agency reads what it got with the same mapping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryEndToEndIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	@Autowired
	ApplicationContext context;

	@Autowired
	SimulatedAgencies agencies;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	CaseFlow flow;

	@BeforeEach
	void setUp() {
		this.flow = new CaseFlow(this.context, this.port);
	}

	@Test
	void anApplicationAndItsCertificateReachEveryAgencyEachInItsFormat() throws Exception {
		ObjectNode form = CaseFlow.form("DEATH_CERTIFICATE", "HUKOU_CANCELLATION", "DRIVING_LICENCE_CANCELLATION",
				"CREMATION_CERTIFICATE", "PENSION_ACCOUNT_REFUND", "SURVIVOR_BENEFIT", "MEDICAL_INSURANCE_TERMINATION",
				"MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL");
		form.with("deceased").putArray("benefits").add("DIBAO").add("SURVIVOR_HARDSHIP_ALLOWANCE");
		String caseNo = this.flow.apply(form);
		// no certificate yet: the family's request for it goes to health at once
		await().atMost(DEADLINE).until(() -> !received(caseNo + "-DEATH_CERTIFICATE").isEmpty());
		// recorded once its route returned
		await().atMost(DEADLINE).until(() -> this.flow.itemStatus(caseNo, "DEATH_CERTIFICATE").equals("SENT"));

		this.flow.certify(form);
		this.flow.awaitSettled(caseNo, DEADLINE);

		Map<String, String> agencyOf = Map.of("DEATH_CERTIFICATE", "HEALTH", "HUKOU_CANCELLATION", "POLICE_HUKOU",
				"DRIVING_LICENCE_CANCELLATION", "POLICE_TRAFFIC", "PENSION_ACCOUNT_REFUND", "HRSS", "SURVIVOR_BENEFIT",
				"HRSS", "SURVIVOR_HARDSHIP_ALLOWANCE_STOP", "HRSS", "DIBAO_STOP", "CIVIL_AFFAIRS",
				"MEDICAL_INSURANCE_TERMINATION", "MEDICAL_INSURANCE", "MEDICAL_ACCOUNT_WITHDRAWAL", "MEDICAL_INSURANCE",
				"HOUSING_FUND_WITHDRAWAL", "HOUSING_FUND");
		this.agencies.readStagingTables();
		await().atMost(DEADLINE).untilAsserted(() -> agencyOf.forEach((item, agency) -> {
			List<Received> got = received(caseNo + "-" + item);
			assertThat(got).as(item).singleElement().satisfies((r) -> {
				assertThat(r.agency()).isEqualTo(agency);
				assertThat(r.repeats()).isZero();
			});
		}));
		// what the agency got is byte for byte what the message log says was sent
		for (String item : List.of("DRIVING_LICENCE_CANCELLATION", "PENSION_ACCOUNT_REFUND",
				"MEDICAL_INSURANCE_TERMINATION")) {
			byte[] payload = this.jdbc.sql("select payload from outbox_message where dedup_key = ?")
				.param(caseNo + "-" + item)
				.query(byte[].class)
				.single();
			assertThat(received(caseNo + "-" + item).get(0).sha256()).isEqualTo(sha256(payload));
		}
		// the medical insurance platform acknowledged at once; the others are with their
		// agency, their promised time running
		assertThat(this.flow.itemStatus(caseNo, "MEDICAL_INSURANCE_TERMINATION")).isEqualTo("ACCEPTED");
		assertThat(this.flow.itemStatus(caseNo, "HUKOU_CANCELLATION")).isEqualTo("SENT");
		assertThat(this.flow.itemStatus(caseNo, "DEATH_CERTIFICATE")).isEqualTo("DONE");
		assertThat(this.flow.itemStatus(caseNo, "CREMATION_CERTIFICATE")).isEqualTo("PENDING");
		// the promised time runs from the moment the agency has the item
		List<String> withDueTime = this.jdbc.sql("""
				select w.type from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.due_at is not null order by w.type
				""").param(caseNo).query(String.class).list();
		assertThat(withDueTime).containsExactlyInAnyOrderElementsOf(agencyOf.keySet());
	}

	@Test
	void batchFilesLandOnTheAgencySftpServerByteForByteWithGb18030AndGbkNames() throws Exception {
		ObjectNode form = CaseFlow.form("HUKOU_CANCELLATION");
		form.with("deceased").put("name", "欧阳𠮷祥").putArray("benefits").add("ELDERLY_SUBSIDY");
		String caseNo = this.flow.apply(form);
		this.flow.certify(form);
		this.flow.awaitSettled(caseNo, DEADLINE);

		Received hukou = received(caseNo + "-HUKOU_CANCELLATION").get(0);
		assertThat(hukou.fileName()).startsWith("HZZX_").endsWith(".txt");
		byte[] file = Files.readAllBytes(sftpFile("lianban-hukou", hukou.fileName()));
		byte[] sent = this.jdbc.sql("select payload from outbox_batch where file_name = ?")
			.param(hukou.fileName())
			.query(byte[].class)
			.single();
		assertThat(file).isEqualTo(sent);
		// 𠮷 is 4 bytes in GB18030: the name takes 2+2+4+2 = 10 bytes, padded to 30
		String record = new String(file, Charset.forName("GB18030")).lines()
			.filter((l) -> l.contains(caseNo + "-HUKOU_CANCELLATION"))
			.findFirst()
			.orElseThrow();
		assertThat(record).contains("欧阳𠮷祥" + " ".repeat(20));

		Received civil = received(caseNo + "-ELDERLY_SUBSIDY_STOP").get(0);
		assertThat(civil.fileName()).startsWith("MZTF_").endsWith(".csv");
		String csv = new String(Files.readAllBytes(sftpFile("lianban-civil", civil.fileName())),
				Charset.forName("GBK"));
		assertThat(csv).startsWith("业务流水号,联办编号,停发类型,姓名,身份证号");
		// GBK has no 𠮷: the civil affairs mapping declares □ for names, and the work
		// item
		// records the substitution
		assertThat(csv).contains(caseNo + "-ELDERLY_SUBSIDY_STOP," + caseNo + ",03,欧阳□祥,");
		String substitutions = this.jdbc.sql("""
				select w.substitutions::text from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.type = 'ELDERLY_SUBSIDY_STOP'
				""").param(caseNo).query(String.class).single();
		assertThat(substitutions).contains("𠮷").contains("□").contains("U+20BB7");
	}

	@Test
	void operatorsReadEveryMessageOfACaseWithItsPayloadAndHistoryChannelsDoNot() {
		ObjectNode form = CaseFlow.form("DRIVING_LICENCE_CANCELLATION");
		String caseNo = this.flow.apply(form);
		this.flow.certify(form);
		this.flow.awaitSettled(caseNo, DEADLINE);

		HubApi.Response answer = this.flow.api().get("/api/v1/applications/" + caseNo + "/messages", HubApi.OPERATOR);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode message = answer.json().get("messages").get(0);
		assertThat(message.get("item").asText()).isEqualTo("DRIVING_LICENCE_CANCELLATION");
		assertThat(message.get("agency").asText()).isEqualTo("POLICE_TRAFFIC");
		assertThat(message.get("dedupKey").asText()).isEqualTo(caseNo + "-DRIVING_LICENCE_CANCELLATION");
		assertThat(message.get("status").asText()).isEqualTo("DELIVERED");
		assertThat(message.get("payload").asText()).startsWith("<?xml").contains(caseNo);
		JsonNode attempt = message.get("log").get(0);
		assertThat(attempt.get("event").asText()).isEqualTo("DELIVERED");
		assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
		assertThat(attempt.get("answer").asText()).startsWith("HTTP 200");

		HubApi.Response payload = this.flow.api()
			.get("/api/v1/applications/" + caseNo + "/messages/" + message.get("id").asLong() + "/payload",
					HubApi.OPERATOR);
		assertThat(payload.header("Content-Type")).contains("xml");
		assertThat(this.flow.api().get("/api/v1/applications/" + caseNo + "/messages", HubApi.WEB).status())
			.isEqualTo(403);
	}

	private List<Received> received(String dedupKey) {
		return this.agencies.received().withKey(dedupKey);
	}

	private Path sftpFile(String account, String name) {
		return this.agencies.sftpRoot().resolve(account).resolve("inbox").resolve(name);
	}

	static String sha256(byte[] bytes) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
