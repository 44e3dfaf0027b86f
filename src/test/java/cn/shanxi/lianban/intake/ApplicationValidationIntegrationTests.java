package cn.shanxi.lianban.intake;

import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every validation rule of the form, one row each, over real HTTP: the answer is a 422
 * problem naming the field and the rule, in Chinese and English, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationValidationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HubApi api;

	@BeforeEach
	void api() {
		this.api = new HubApi(this.port);
	}

	static Stream<Arguments> rules() {
		return Stream.of(rule("idNumberMustHave18Characters",
				(f) -> Forms.at(f, "deceased").put("idNumber", "14010519500101001"), "deceased.idNumber", "id.length"),
				rule("idNumberCheckCharacterMustMatch",
						(f) -> Forms.at(f, "deceased").put("idNumber", "140105195001010019"), "deceased.idNumber",
						"id.checksum"),
				rule("idNumberBirthDateMustBeReal",
						(f) -> Forms.at(f, "applicant").put("idNumber", valid("14010519850230")), "applicant.idNumber",
						"id.birthDate"),
				rule("idNumberOnlyDigitsAndX", (f) -> Forms.at(f, "applicant").put("idNumber", "14010519850101001A"),
						"applicant.idNumber", "id.characters"),
				rule("applicantIsNotTheDeceased",
						(f) -> Forms.at(f, "applicant").put("idNumber", f.get("deceased").get("idNumber").asText()),
						"applicant.idNumber", "applicant.isDeceased"),
				rule("phoneMustBeMobileOrLandline", (f) -> Forms.at(f, "applicant").put("phone", "12345"),
						"applicant.phone", "phone.format"),
				rule("bankCodeHas12Digits",
						(f) -> Forms.at(f, "deceased.socialSecurityCardAccount").put("bankCode", "10216100012"),
						"deceased.socialSecurityCardAccount.bankCode", "bankCode.format"),
				rule("accountNumberIs12To30Digits",
						(f) -> Forms.at(f, "deceased.bankAccount").put("number", "62170000"),
						"deceased.bankAccount.number", "account.format"),
				rule("accountNumberIsDigits",
						(f) -> Forms.at(f, "deceased.bankAccount").put("number", "6217-0000-1000-0000-003"),
						"deceased.bankAccount.number", "account.format"),
				rule("payingItemsNeedAnAccount", (f) -> {
					Forms.at(f, "deceased").putNull("socialSecurityCardAccount");
					Forms.at(f, "deceased").putNull("bankAccount");
				}, "deceased.socialSecurityCardAccount", "payment.accountRequired"),
				rule("pensionRefundNeedsPensionInsurance", (f) -> {
					Forms.at(f, "deceased").put("pensionInsurance", "NONE");
					items(f, "PENSION_ACCOUNT_REFUND");
				}, "items", "pensionRefund.needsPensionInsurance"),
				rule("survivorBenefitNeedsEnterprisePension", (f) -> {
					Forms.at(f, "deceased").put("pensionInsurance", "PUBLIC_INSTITUTION");
					items(f, "SURVIVOR_BENEFIT");
				}, "items", "survivorBenefit.needsEnterprisePension"), rule("funeralGrantNeedsResidentPension",
						(f) -> items(f, "FUNERAL_GRANT"), "items", "funeralGrant.needsResidentPension"),
				rule("funeralGrantOnlyInRegionsWithTheScheme", (f) -> {
					Forms.at(f, "deceased").put("pensionInsurance", "RESIDENT");
					Forms.at(f, "deceased").put("householdRegionCode", "110105");
					items(f, "FUNERAL_GRANT");
				}, "items", "funeralGrant.regionWithoutScheme"), rule("survivorBenefitsFromOneSchemeOnly", (f) -> {
					Forms.at(f, "deceased").put("pensionInsurance", "ENTERPRISE");
					items(f, "SURVIVOR_BENEFIT", "FUNERAL_GRANT");
				}, "items", "survivorBenefit.oneScheme"), rule("medicalItemsNeedMedicalInsurance", (f) -> {
					Forms.at(f, "deceased").put("medicalInsurance", "NONE");
					items(f, "MEDICAL_INSURANCE_TERMINATION");
				}, "items", "medical.needsInsurance"), rule("residentMedicalInsuranceHasNoPersonalAccount", (f) -> {
					Forms.at(f, "deceased").put("medicalInsurance", "RESIDENT");
					items(f, "MEDICAL_ACCOUNT_WITHDRAWAL");
				}, "items", "medicalAccount.residentHasNoAccount"),
				rule("housingFundWithdrawalNeedsDepositPlaceAndAccount", (f) -> {
					Forms.at(f, "deceased.housingFund").put("employerAccount", "");
					items(f, "HOUSING_FUND_WITHDRAWAL");
				}, "items", "housingFund.needsAccount"),
				rule("noneOfTheseCannotBeCombinedWithABenefit",
						(f) -> Forms.at(f, "deceased").putArray("benefits").add("NONE").add("DIBAO"),
						"deceased.benefits", "benefits.noneWithOthers"),
				rule("commitmentMustBeAccepted", (f) -> Forms.at(f, "commitment").put("accepted", false),
						"commitment.accepted", "commitment.notAccepted"),
				rule("atLeastOneItem", (f) -> f.putArray("items"), "items", "items.empty"),
				rule("applicantNameRequired", (f) -> Forms.at(f, "applicant").remove("name"), "applicant.name",
						"required"),
				rule("medicalInsuranceTypeRequired", (f) -> Forms.at(f, "deceased").putNull("medicalInsurance"),
						"deceased.medicalInsurance", "required"),
				rule("unknownItemIsRefusedWithTheAllowedValues", (f) -> f.putArray("items").add("FREE_MONEY"),
						"items[0]", "value.unknown"),
				rule("unknownRelationIsRefused", (f) -> Forms.at(f, "applicant").put("relation", "NEIGHBOUR"),
						"applicant.relation", "value.unknown"),
				rule("wrongTypeIsRefused", (f) -> Forms.at(f, "deceased").put("enterpriseEmployee", "maybe"),
						"deceased.enterpriseEmployee", "type.mismatch"),
				rule("objectWhereTextBelongsIsRefused", (f) -> Forms.at(f, "applicant").putObject("phone"),
						"applicant.phone", "type.mismatch"),
				rule("unknownFieldIsRefused", (f) -> Forms.at(f, "deceased").put("nickname", "老李"), "deceased.nickname",
						"field.unknown"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void refusesWithA422NamingTheFieldAndStoresNothing(String rule, Consumer<ObjectNode> mutation, String field,
			String code) {
		ObjectNode form = Forms.fresh();
		mutation.accept(form);
		long before = cases();

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		JsonNode errors = answer.json().get("errors");
		assertThat(errors).as(answer.body()).anySatisfy((e) -> {
			assertThat(e.get("field").asText()).isEqualTo(field);
			assertThat(e.get("code").asText()).isEqualTo(code);
			assertThat(e.get("message").asText()).isNotBlank();
			assertThat(e.get("messageEn").asText()).isNotBlank();
		});
		assertThat(cases()).isEqualTo(before);
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from case_file").query(Long.class).single();
	}

	private static Arguments rule(String name, Consumer<ObjectNode> mutation, String field, String code) {
		return arguments(name, mutation, field, code);
	}

	private static void items(ObjectNode form, String... items) {
		var array = form.putArray("items");
		for (String item : items) {
			array.add(item);
		}
	}

	/**
	 * A valid ID number whose 14 first characters are given (to build a bad birth date).
	 */
	private static String valid(String first14) {
		String body = first14 + "001";
		return body + cn.shanxi.lianban.support.IdNumbers.checkChar(body);
	}

	static {
		// keep TestIds loaded so fresh forms differ across rows
		TestIds.next();
	}

}
