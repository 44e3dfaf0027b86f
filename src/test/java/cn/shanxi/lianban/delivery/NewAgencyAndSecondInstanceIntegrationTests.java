package cn.shanxi.lianban.delivery;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.simulator.SimulatedAgencies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second hub instance on the test context's database, which also knows an agency that
 * an integration engineer added with a route file, a mapping file and a block of
 * configuration — no Java (src/test/resources/agency-extension): the Disabled Persons'
 * Federation takes the disability subsidy stops from civil affairs. A case reaches it;
 * and the two instances drain one outbox without sending anything twice. The second
 * instance lives for this class only: its relay and its schedulers would otherwise take
 * part in other classes' tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewAgencyAndSecondInstanceIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	private static final String FEDERATION = "DISABLED_PERSONS_FEDERATION";

	static OtherHub other;

	@Autowired
	ApplicationContext context;

	@Autowired
	SimulatedAgencies agencies;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startTheSecondInstance() {
		other = OtherHub.start("lianban.delivery.instance-id=extended-hub",
				"spring.config.import=file:src/test/resources/agency-extension/agency.yaml");
	}

	@AfterAll
	static void stopTheSecondInstance() {
		other.close();
	}

	@Test
	void aCaseReachesAnAgencyDefinedOnlyByARouteAMappingAndConfiguration() throws Exception {
		OtherHub hub = other;
		CaseFlow flow = new CaseFlow(hub.context(), hub.port());
		ObjectNode form = CaseFlow.form("HUKOU_CANCELLATION");
		form.with("deceased").putArray("benefits").add("DISABILITY_CARE_SUBSIDY").add("DISABILITY_LIVING_SUBSIDY");
		String caseNo = flow.apply(form);
		JsonNode view = new ObjectMapper()
			.readTree(flow.api().get("/api/v1/applications/" + caseNo, cn.shanxi.lianban.HubApi.WEB).body());
		assertThat(view.get("workItems").findValuesAsText("agency")).contains(FEDERATION)
			.doesNotContain("CIVIL_AFFAIRS");

		flow.certify(form);
		flow.awaitSettled(caseNo, DEADLINE);

		SimulatedAgencies agencies = hub.bean(SimulatedAgencies.class);
		for (String item : new String[] { "DISABILITY_CARE_SUBSIDY_STOP", "DISABILITY_LIVING_SUBSIDY_STOP" }) {
			assertThat(agencies.received().withKey(caseNo + "-" + item)).singleElement().satisfies((r) -> {
				assertThat(r.agency()).isEqualTo(FEDERATION);
				assertThat(r.transport()).isEqualTo("HTTP");
			});
			assertThat(flow.itemStatus(caseNo, item)).isEqualTo("SENT");
		}
		JdbcClient jdbc = hub.bean(JdbcClient.class);
		byte[] payload = jdbc.sql("select payload from outbox_message where dedup_key = ?")
			.param(caseNo + "-DISABILITY_CARE_SUBSIDY_STOP")
			.query(byte[].class)
			.single();
		String xml = new String(payload, Charset.forName("GBK"));
		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"GBK\"?>")
			.contains("<btlb>HL</btlb>")
			.contains("<xm>" + form.path("deceased").path("name").asText() + "</xm>");
		// its own promised time limit, from its own configuration
		assertThat(jdbc.sql("""
				select count(*) from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.agency = ? and w.due_at is not null
				""").params(caseNo, FEDERATION).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void aNameTheNewAgencysCharsetCannotHoldSendsItsItemsToTheWindowNeverAQuestionMark() {
		OtherHub hub = other;
		CaseFlow flow = new CaseFlow(hub.context(), hub.port());
		ObjectNode form = CaseFlow.form("HUKOU_CANCELLATION");
		form.with("deceased").put("name", "王𠮷").putArray("benefits").add("DISABILITY_CARE_SUBSIDY");
		String caseNo = flow.apply(form);
		flow.certify(form);
		flow.awaitSettled(caseNo, DEADLINE);

		assertThat(flow.itemStatus(caseNo, "DISABILITY_CARE_SUBSIDY_STOP")).isEqualTo("OFFLINE_REQUIRED");
		String reason = hub.bean(JdbcClient.class).sql("""
				select w.reason::text from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.type = 'DISABILITY_CARE_SUBSIDY_STOP'
				""").param(caseNo).query(String.class).single();
		assertThat(reason).contains("mapping.UNENCODABLE_CHARACTER").contains("窗口");
		// GB18030 holds it: the police household file has the name as it is
		assertThat(flow.itemStatus(caseNo, "HUKOU_CANCELLATION")).isEqualTo("SENT");
	}

	@Test
	void twoInstancesDrainOneOutboxAndNoMessageIsSentTwice() {
		CaseFlow here = new CaseFlow(this.context, this.port);
		CaseFlow there = new CaseFlow(other.context(), other.port());
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ObjectNode form = CaseFlow.form();
			CaseFlow flow = (i % 2 == 0) ? here : there;
			cases.add(flow.apply(form));
			flow.certify(form);
		}
		for (String caseNo : cases) {
			here.awaitSettled(caseNo, Duration.ofSeconds(120));
		}
		this.agencies.readStagingTables();

		List<String> keys = this.jdbc.sql("""
				select m.dedup_key from outbox_message m join case_file c on c.id = m.case_id
				where c.case_no = any(?) and m.status = 'DELIVERED'
				""").param(cases.toArray(String[]::new)).query(String.class).list();
		assertThat(keys).hasSize(40 * 8);
		Integer notDelivered = this.jdbc.sql("""
				select count(*) from outbox_message m join case_file c on c.id = m.case_id
				where c.case_no = any(?) and m.status <> 'DELIVERED'
				""").param(cases.toArray(String[]::new)).query(Integer.class).single();
		assertThat(notDelivered).isZero();
		for (String key : keys) {
			if (!key.endsWith("HOUSING_FUND_WITHDRAWAL")) {
				assertThat(this.agencies.received().withKey(key)).as(key)
					.singleElement()
					.satisfies((r) -> assertThat(r.repeats()).as(key).isZero());
			}
		}
		// each message delivered by exactly one attempt of one instance
		List<Integer> deliveries = this.jdbc.sql("""
				select count(*) filter (where l.event = 'DELIVERED') from outbox_message m
				join case_file c on c.id = m.case_id left join message_log l on l.outbox_id = m.id
				where c.case_no = any(?) group by m.id
				""").param(cases.toArray(String[]::new)).query(Integer.class).list();
		assertThat(deliveries).hasSize(40 * 8).containsOnly(1);
		List<String> instances = this.jdbc.sql("""
				select distinct l.instance from message_log l join case_file c on c.id = l.case_id
				where c.case_no = any(?) and l.event = 'DELIVERED'
				""").param(cases.toArray(String[]::new)).query(String.class).list();
		assertThat(instances).as("both instances delivered").hasSize(2).contains("extended-hub");
		// the housing fund centre's staging table: one row per key (its unique ref_no)
		Integer rows = this.jdbc.sql("""
				select count(*) from housing_fund_centre.lb_gjj_tqsq where case_no = any(?)
				""").param(cases.toArray(String[]::new)).query(Integer.class).single();
		assertThat(rows).isEqualTo(40);
	}

}
