package cn.shanxi.lianban.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline outcomes in words a family understands, each with its line of the seed. */
class OfflineReasonTests {

	@ParameterizedTest
	@EnumSource(OfflineReason.class)
	void everyReasonQuotesTheSeedSaysItInBothLanguagesAndSaysWhatToBring(OfflineReason reason) {
		assertThat(reason.seed()).containsAnyOf("附件2 注", "方案");
		assertThat(reason.zh()).isNotBlank();
		assertThat(reason.en()).isNotBlank();
		assertThat(reason.bring()).isNotEmpty().allSatisfy((m) -> {
			assertThat(m.zh()).isNotBlank();
			assertThat(m.en()).isNotBlank();
		});
		assertThat(reason.text()).contains(reason.zh(), reason.en(), "携带", "bring");
	}

	@Test
	void theHousingFundReasonsComeFromNote2() {
		for (OfflineReason reason : new OfflineReason[] { OfflineReason.HOUSING_FUND_NOT_SEALED,
				OfflineReason.HOUSING_FUND_NOT_FULLY_PAID, OfflineReason.HOUSING_FUND_FROZEN,
				OfflineReason.HOUSING_FUND_LOAN, OfflineReason.HOUSING_FUND_GUARANTEE }) {
			assertThat(reason.seed()).startsWith("附件2 注2");
		}
		assertThat(OfflineReason.HOUSING_FUND_NOT_SEALED.bringZh()).contains("封存证明", "申请人身份证原件");
	}

	@Test
	void medicalReasonsComeFromNote3AndOverpaymentsFromThePlan() {
		assertThat(OfflineReason.MEDICAL_COSTS_UNSETTLED.seed()).startsWith("附件2 注3");
		assertThat(OfflineReason.MEDICAL_INSURANCE_NOT_SUSPENDED.seed()).startsWith("附件2 注3");
		assertThat(OfflineReason.PENSION_OVERPAID.seed()).startsWith("方案三(三)");
		assertThat(OfflineReason.MEDICAL_INSURANCE_OVERPAID.seed()).startsWith("方案三(三)");
		assertThat(OfflineReason.WORK_INJURY_SURVIVOR.seed()).startsWith("附件2 注4");
		assertThat(OfflineReason.UNEMPLOYMENT_SURVIVOR.seed()).startsWith("附件2 注4");
	}

	@Test
	void anUnknownCodeReadsAsTheAgencysOwnReason() {
		assertThat(OfflineReason.of("SOMETHING_NEW")).isEqualTo(OfflineReason.OTHER);
		assertThat(OfflineReason.of(null)).isEqualTo(OfflineReason.OTHER);
		assertThat(OfflineReason.of("housing_fund_loan")).isEqualTo(OfflineReason.HOUSING_FUND_LOAN);
	}

	@Test
	void theWorkInjuryRuleOfTheRuleTableHasItsReason() {
		assertThat(OfflineReason.ofRule("survivorBenefit.workInjuryOffline"))
			.contains(OfflineReason.WORK_INJURY_SURVIVOR);
		assertThat(OfflineReason.ofRule("no.such.rule")).isEmpty();
	}

}
