package cn.shanxi.lianban.sla;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code lianban.time-limits}: the promised time limit (承诺时限) of each agency's work
 * items. An item's own limit wins over its agency's default, which wins over the overall
 * default. Agency and item names as in CONTRACT.md; {@link TimeLimits} checks them.
 *
 * @param defaultLimit ({@code default}) for agencies without a limit of their own
 * @param agencies by agency (HEALTH, POLICE_HUKOU, …)
 */
@ConfigurationProperties("lianban.time-limits")
record TimeLimitProperties(@Name("default") TimeLimit defaultLimit, Map<String, Agency> agencies) {

	TimeLimitProperties {
		agencies = (agencies != null) ? Map.copyOf(agencies) : Map.of();
	}

	/**
	 * One agency's limits.
	 *
	 * @param defaultLimit ({@code default}) for its items without a limit of their own
	 * @param items by work item (CREMATION_CERTIFICATE, …)
	 */
	record Agency(@Name("default") TimeLimit defaultLimit, Map<String, TimeLimit> items) {

		Agency {
			items = (items != null) ? Map.copyOf(items) : Map.of();
		}

	}

}
