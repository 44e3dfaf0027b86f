package cn.shanxi.lianban.sla;

import java.util.Map;
import java.util.Set;

/**
 * The agencies and the work items each one handles, as CONTRACT.md names them; guards the
 * time-limit configuration against typos.
 */
// TODO replace with the shared agency / work-item types once they exist outside this
// package
final class WorkItemCatalogue {

	static final Map<String, Set<String>> ITEMS_BY_AGENCY = Map.of("HEALTH", Set.of("DEATH_CERTIFICATE"), "POLICE",
			Set.of("DEATH_CERTIFICATE"), "POLICE_HUKOU", Set.of("HUKOU_CANCELLATION"), "POLICE_TRAFFIC",
			Set.of("DRIVING_LICENCE_CANCELLATION"), "FUNERAL", Set.of("CREMATION_CERTIFICATE"), "CIVIL_AFFAIRS",
			Set.of("DIBAO_STOP", "TEKUN_STOP", "ELDERLY_SUBSIDY_STOP", "DISABILITY_LIVING_SUBSIDY_STOP",
					"DISABILITY_CARE_SUBSIDY_STOP"),
			"HRSS",
			Set.of("PENSION_ACCOUNT_REFUND", "SURVIVOR_BENEFIT", "FUNERAL_GRANT", "SURVIVOR_HARDSHIP_ALLOWANCE_STOP"),
			"MEDICAL_INSURANCE", Set.of("MEDICAL_INSURANCE_TERMINATION", "MEDICAL_ACCOUNT_WITHDRAWAL"), "HOUSING_FUND",
			Set.of("HOUSING_FUND_WITHDRAWAL"));

	private WorkItemCatalogue() {
	}

}
