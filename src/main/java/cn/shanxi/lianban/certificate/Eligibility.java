package cn.shanxi.lianban.certificate;

import java.util.Optional;

/**
 * Who may use the joint service (DESIGN.md §1): the deceased had Shanxi household
 * registration (本省户籍) and died in Shanxi (在晋死亡). Decided on the certificate, never on the
 * ID number: someone born elsewhere (ID not 14…) but registered in Shanxi qualifies.
 */
final class Eligibility {

	private static final String SHANXI = "14";

	private Eligibility() {
	}

	/** Why the case is not eligible, or empty when it is. */
	static Optional<Reason> refusal(Applied certificate) {
		String household = certificate.householdRegionCode();
		if (household == null || !household.startsWith(SHANXI)) {
			return Optional.of(Reason.of("eligibility.household", "逝者户籍不在山西省（户籍地区划代码 " + household + "），不符合联办条件",
					"The deceased's household registration is not in Shanxi (region " + household
							+ "): not eligible for the joint service"));
		}
		String death = certificate.deathRegionCode();
		if (death == null || !death.startsWith(SHANXI)) {
			return Optional.of(Reason.of("eligibility.deathPlace", "逝者不是在山西省死亡（死亡地区划代码 " + death + "），不符合联办条件",
					"The death did not happen in Shanxi (region " + death + "): not eligible for the joint service"));
		}
		return Optional.empty();
	}

}
