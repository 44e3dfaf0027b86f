package cn.shanxi.lianban.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.shanxi.lianban.dispatch.AgencyCatalogue;
import cn.shanxi.lianban.dispatch.WorkItemType;
import org.springframework.stereotype.Component;

/**
 * The promised time limits (承诺时限) of the work items, from {@code lianban.time-limits},
 * checked at start-up against the agency catalogue (the default agencies and those
 * defined by configuration, {@link AgencyCatalogue}): a wrong limit would quietly make
 * items overdue, or never.
 */
@Component
public class TimeLimits {

	private static final String PREFIX = "lianban.time-limits";

	private final WorkingCalendar calendar;

	private final AgencyCatalogue catalogue;

	private final TimeLimit defaultLimit;

	/** agency → its default and its items' own limits. */
	private final Map<String, TimeLimitProperties.Agency> agencies;

	TimeLimits(TimeLimitProperties properties, AgencyCatalogue catalogue, WorkingCalendar calendar) {
		this.calendar = calendar;
		this.catalogue = catalogue;
		List<String> problems = new ArrayList<>();
		check(PREFIX + ".default", properties.defaultLimit(), true, problems);
		for (var agency : new TreeMap<>(properties.agencies()).entrySet()) {
			String where = PREFIX + ".agencies." + agency.getKey();
			Set<String> items = itemsOf(agency.getKey());
			if (items.isEmpty()) {
				problems
					.add(where + ": unknown agency, expected one of " + new TreeSet<>(catalogue.codes()) + " (未知部门)");
				continue;
			}
			check(where + ".default", agency.getValue().defaultLimit(), false, problems);
			for (var item : new TreeMap<>(agency.getValue().items()).entrySet()) {
				if (!items.contains(item.getKey())) {
					problems.add(where + ".items." + item.getKey() + ": not a work item of " + agency.getKey()
							+ ", expected one of " + new java.util.TreeSet<>(items) + " (该部门无此事项)");
				}
				check(where + ".items." + item.getKey(), item.getValue(), true, problems);
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Promised time limits are misconfigured (承诺时限配置有误):\n  - " + String.join("\n  - ", problems));
		}
		this.defaultLimit = properties.defaultLimit();
		this.agencies = new HashMap<>(properties.agencies());
	}

	private Set<String> itemsOf(String agency) {
		return this.catalogue.itemsOf(agency).stream().map(WorkItemType::name).collect(Collectors.toSet());
	}

	private static void check(String where, TimeLimit limit, boolean required, List<String> problems) {
		if (limit == null) {
			if (required) {
				problems.add(where + ": missing, write e.g. {value: 5, unit: WORKING_DAYS} (缺少时限)");
			}
			return;
		}
		if (limit.unit() == null) {
			problems.add(where + ".unit: missing, expected HOURS or WORKING_DAYS (缺少单位：HOURS 或 WORKING_DAYS)");
		}
		if (limit.value() == null || limit.value() <= 0) {
			problems.add(where + ".value: " + limit.value() + " is not a positive number (时限必须为正数)");
		}
	}

	/**
	 * The limit of an agency's work item: the item's own, else the agency's default, else
	 * the overall default.
	 * @throws IllegalArgumentException for an agency the catalogue does not know, or an
	 * item it is not given
	 */
	public TimeLimit limitFor(String agency, String itemType) {
		if (!itemsOf(agency).contains(itemType)) {
			throw new IllegalArgumentException("No work item " + itemType + " at agency " + agency);
		}
		TimeLimitProperties.Agency limits = this.agencies.get(agency);
		if (limits == null) {
			return this.defaultLimit;
		}
		TimeLimit own = limits.items().get(itemType);
		if (own != null) {
			return own;
		}
		return (limits.defaultLimit() != null) ? limits.defaultLimit() : this.defaultLimit;
	}

	/**
	 * When the agency must have finished the item whose clock started at
	 * {@code clockStart} (when it was sent, or when the certificate it waited for
	 * arrived). Hours are calendar hours; working days end at 24:00 Beijing time of the
	 * last one, see {@link WorkingCalendar#plusWorkingDays}.
	 */
	public Instant dueAt(String agency, String itemType, Instant clockStart) {
		return limitFor(agency, itemType).dueAt(clockStart, this.calendar);
	}

}
