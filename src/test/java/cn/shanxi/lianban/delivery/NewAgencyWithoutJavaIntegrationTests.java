package cn.shanxi.lianban.delivery;

import java.nio.charset.Charset;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.simulator.SimulatedAgencies;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integration engineer adds an agency with a route file, a mapping file and a block of
 * configuration (src/test/resources/agency-extension) — no Java — and a case reaches it:
 * the Disabled Persons' Federation takes the disability subsidy stops from civil affairs.
 */
class NewAgencyWithoutJavaIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	private static final String FEDERATION = "DISABLED_PERSONS_FEDERATION";

	@Test
	void aCaseReachesAnAgencyDefinedOnlyByARouteAMappingAndConfiguration() throws Exception {
		OtherHub hub = OtherHub.extended();
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
		OtherHub hub = OtherHub.extended();
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

}
