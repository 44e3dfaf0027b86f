package cn.shanxi.lianban.guide;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The guide (智能问答) answers partial forms from the same rule table as the validator: one
 * row per rule, named after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuideIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HubApi api;

	@BeforeEach
	void api() {
		this.api = new HubApi(this.port);
	}

	static Stream<Arguments> notApplicable() {
		return Stream.of(
				arguments("pensionRefund.needsPensionInsurance", "PENSION_ACCOUNT_REFUND",
						"{\"pensionInsurance\":\"NONE\"}"),
				arguments("survivorBenefit.needsEnterprisePension", "SURVIVOR_BENEFIT",
						"{\"pensionInsurance\":\"RESIDENT\"}"),
				arguments("funeralGrant.needsResidentPension", "FUNERAL_GRANT",
						"{\"pensionInsurance\":\"ENTERPRISE\"}"),
				arguments("funeralGrant.regionWithoutScheme", "FUNERAL_GRANT",
						"{\"pensionInsurance\":\"RESIDENT\",\"householdRegionCode\":\"130102\"}"),
				arguments("medical.needsInsurance", "MEDICAL_INSURANCE_TERMINATION", "{\"medicalInsurance\":\"NONE\"}"),
				arguments("medicalAccount.residentHasNoAccount", "MEDICAL_ACCOUNT_WITHDRAWAL",
						"{\"medicalInsurance\":\"RESIDENT\"}"),
				arguments("housingFund.needsAccount", "HOUSING_FUND_WITHDRAWAL", "{}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notApplicable")
	void itemThatCannotApplyIsListedWithItsRuleAndSeed(String rule, String item, String deceased) {
		JsonNode answer = guide("{\"deceased\":" + deceased + ",\"items\":[\"" + item + "\"]}");

		assertThat(answer.get("notApplicable")).singleElement().satisfies((n) -> {
			assertThat(n.get("item").asText()).isEqualTo(item);
			assertThat(n.get("rule").asText()).isEqualTo(rule);
			assertThat(n.get("seed").asText()).isNotBlank();
			assertThat(n.get("reason").asText()).isNotBlank();
			assertThat(n.get("reasonEn").asText()).isNotBlank();
		});
		assertThat(answer.get("workItems").findValuesAsText("item")).doesNotContain(item);
	}

	@Test
	void survivorBenefitOfAWorkInjuryDeathGoesToTheWindowNotRefused() {
		JsonNode answer = guide(
				"{\"deceased\":{\"diedOfWorkInjury\":true,\"pensionInsurance\":\"ENTERPRISE\"},\"items\":[\"SURVIVOR_BENEFIT\"]}");

		JsonNode item = answer.get("workItems").get(0);
		assertThat(item.get("item").asText()).isEqualTo("SURVIVOR_BENEFIT");
		assertThat(item.get("handling").asText()).isEqualTo("OFFLINE");
		assertThat(item.get("rule").asText()).isEqualTo("survivorBenefit.workInjuryOffline");
		assertThat(item.get("reason").asText()).contains("工伤保险");
		assertThat(answer.get("notApplicable")).isEmpty();
		assertThat(answer.get("materials").toString()).contains("窗口");
	}

	@Test
	void survivorBenefitsComeFromOneSchemeOnly() {
		JsonNode answer = guide("{\"items\":[\"SURVIVOR_BENEFIT\",\"FUNERAL_GRANT\"]}");

		assertThat(answer.get("notApplicable").findValuesAsText("rule")).containsExactly("survivorBenefit.oneScheme");
	}

	@Test
	void benefitsTheDeceasedReceivedAreStoppedWithoutBeingAskedFor() {
		JsonNode answer = guide("{\"deceased\":{\"benefits\":[\"DIBAO\",\"DISABILITY_CARE_SUBSIDY\","
				+ "\"SURVIVOR_HARDSHIP_ALLOWANCE\"]},\"items\":[\"HUKOU_CANCELLATION\"]}");

		assertThat(answer.get("workItems").findValuesAsText("item")).containsExactlyInAnyOrder("HUKOU_CANCELLATION",
				"DIBAO_STOP", "DISABILITY_CARE_SUBSIDY_STOP", "SURVIVOR_HARDSHIP_ALLOWANCE_STOP");
		assertThat(agencyOf(answer, "DIBAO_STOP")).isEqualTo("CIVIL_AFFAIRS");
		assertThat(agencyOf(answer, "SURVIVOR_HARDSHIP_ALLOWANCE_STOP")).isEqualTo("HRSS");
		assertThat(agencyOf(answer, "HUKOU_CANCELLATION")).isEqualTo("POLICE_HUKOU");
	}

	@Test
	void conditionsOfNotesTwoAndThreeAreSaidForTheirItems() {
		JsonNode answer = guide("{\"deceased\":{\"medicalInsurance\":\"EMPLOYEE\",\"housingFund\":"
				+ "{\"depositPlace\":\"太原市\",\"employerAccount\":\"110012345678\"}},"
				+ "\"items\":[\"HOUSING_FUND_WITHDRAWAL\",\"MEDICAL_ACCOUNT_WITHDRAWAL\"]}");

		assertThat(conditionsOf(answer, "HOUSING_FUND_WITHDRAWAL")).contains("housingFund.conditions",
				"payment.accountActive");
		assertThat(conditionsOf(answer, "MEDICAL_ACCOUNT_WITHDRAWAL")).contains("medical.conditions",
				"overpaid.window");
		assertThat(answer.get("warnings").toString()).contains("社保卡账户或银行I类账户");
	}

	@Test
	void theExampleFormIsAnsweredAndNothingIsStored() {
		long before = this.jdbc.sql("select count(*) from case_file").query(Long.class).single();

		JsonNode answer = guide(Forms.example().toString());

		assertThat(answer.get("workItems")).hasSize(9);
		assertThat(answer.get("materials")).hasSize(3);
		assertThat(this.jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anEmptyFormGetsTheMaterialsAndNoItems() {
		JsonNode answer = guide("{}");

		assertThat(answer.get("workItems")).isEmpty();
		assertThat(answer.get("materials")).hasSize(3);
	}

	@Test
	void anUnknownItemIsStillA422() {
		HubApi.Response answer = this.api.postJson("/api/v1/guide", HubApi.WEB, "{\"items\":[\"NOPE\"]}");

		assertThat(answer.status()).isEqualTo(422);
	}

	private JsonNode guide(String body) {
		HubApi.Response answer = this.api.postJson("/api/v1/guide", HubApi.WEB, body);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	private static String agencyOf(JsonNode answer, String item) {
		for (JsonNode w : answer.get("workItems")) {
			if (w.get("item").asText().equals(item)) {
				return w.get("agency").asText();
			}
		}
		throw new AssertionError(item + " not in " + answer);
	}

	private static java.util.List<String> conditionsOf(JsonNode answer, String item) {
		for (JsonNode w : answer.get("workItems")) {
			if (w.get("item").asText().equals(item)) {
				return w.get("conditions").findValuesAsText("rule");
			}
		}
		throw new AssertionError(item + " not in " + answer);
	}

}
