package cn.shanxi.lianban.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import org.springframework.stereotype.Component;

/**
 * Which agency gets which work item: the defaults of {@link WorkItemType}, changed by
 * {@code lianban.agencies.<CODE>.items}, plus every agency that configuration defines.
 * Checked at start-up, every mistake listed at once: a wrong routing would quietly send
 * an item nowhere.
 */
@Component
public class AgencyCatalogue {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final Map<WorkItemType, String> agencyOfItem;

	private final Map<String, Set<WorkItemType>> itemsOfAgency;

	private final Map<String, Agency> configured;

	public AgencyCatalogue(AgencyProperties properties) {
		List<String> problems = new ArrayList<>();
		Map<WorkItemType, String> routing = new EnumMap<>(WorkItemType.class);
		for (WorkItemType type : WorkItemType.values()) {
			routing.put(type, type.defaultAgency());
		}
		Map<WorkItemType, String> claimedBy = new EnumMap<>(WorkItemType.class);
		for (var entry : new TreeMap<>(properties.agencies()).entrySet()) {
			String code = entry.getKey();
			String where = "lianban.agencies." + code;
			if (!CODE.matcher(code).matches()) {
				problems.add(where + ": an agency code is upper case letters, digits and _ (部门代码格式有误)");
			}
			check(where, entry.getValue(), problems);
			for (String item : entry.getValue().items()) {
				WorkItemType type = typeOf(item);
				if (type == null) {
					problems.add(where + ".items: " + item + " is not a work item, expected one of "
							+ Arrays.toString(WorkItemType.values()) + " (无此事项)");
				}
				else if (claimedBy.containsKey(type)) {
					problems.add(where + ".items: " + item + " is already given to " + claimedBy.get(type)
							+ " (一个事项只能由一个部门办理)");
				}
				else {
					claimedBy.put(type, code);
					routing.put(type, code);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Agencies are misconfigured (部门配置有误):\n  - " + String.join("\n  - ", problems));
		}
		Map<String, Set<WorkItemType>> items = new TreeMap<>();
		properties.agencies().keySet().forEach((code) -> items.put(code, EnumSet.noneOf(WorkItemType.class)));
		routing
			.forEach((type, code) -> items.computeIfAbsent(code, (c) -> EnumSet.noneOf(WorkItemType.class)).add(type));
		// a non-normal death's certificate is the police's (DESIGN.md §1), whoever takes
		// the normal ones
		items.computeIfAbsent(Agencies.POLICE, (c) -> EnumSet.noneOf(WorkItemType.class))
			.add(WorkItemType.DEATH_CERTIFICATE);
		this.agencyOfItem = Collections.unmodifiableMap(routing);
		this.itemsOfAgency = Collections.unmodifiableMap(items);
		this.configured = properties.agencies();
	}

	private static void check(String where, Agency agency, List<String> problems) {
		if (agency.batchSize() != null && agency.batchSize() < 1) {
			problems.add(where + ".batch-size: " + agency.batchSize() + " must be at least 1 (批量大小至少为1)");
		}
		if (agency.concurrency() != null && agency.concurrency() < 1) {
			problems.add(where + ".concurrency: " + agency.concurrency() + " must be at least 1 (并发数至少为1)");
		}
		AgencyProperties.Retry retry = agency.retry();
		if (retry != null) {
			if (retry.maxAttempts() != null && retry.maxAttempts() < 1) {
				problems.add(where + ".retry.max-attempts: must be at least 1 (重试次数至少为1)");
			}
			if (retry.multiplier() != null && retry.multiplier() < 1) {
				problems.add(where + ".retry.multiplier: must be at least 1 (退避倍数至少为1)");
			}
			if (retry.jitter() != null && (retry.jitter() < 0 || retry.jitter() > 1)) {
				problems.add(where + ".retry.jitter: must be between 0 and 1 (抖动比例须在0到1之间)");
			}
		}
	}

	private static WorkItemType typeOf(String name) {
		try {
			return WorkItemType.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The agency that gets this work item. */
	public String agencyFor(WorkItemType type) {
		return this.agencyOfItem.get(type);
	}

	/** Every agency the hub knows: the default catalogue and the configured ones. */
	public Set<String> codes() {
		return this.itemsOfAgency.keySet();
	}

	/** The work items an agency may be given (empty for an unknown agency). */
	public Set<WorkItemType> itemsOf(String agency) {
		return this.itemsOfAgency.getOrDefault(agency, Set.of());
	}

	/** The agencies configured under {@code lianban.agencies}, sorted by code. */
	public Set<String> configuredCodes() {
		return new TreeSet<>(this.configured.keySet());
	}

	/** An agency's configuration, if it has one. */
	public Optional<Agency> settings(String agency) {
		return Optional.ofNullable(this.configured.get(agency));
	}

	/** The Camel endpoint of an agency's delivery route. */
	public String routeOf(String agency) {
		String route = settings(agency).map(Agency::route).orElse(null);
		return (route != null && !route.isBlank()) ? route
				: "direct:" + agency.toLowerCase(Locale.ROOT).replace('_', '-') + "-delivery";
	}

}
