package cn.shanxi.lianban.dispatch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.casefile.ApplicationForm.Benefit;
import cn.shanxi.lianban.casefile.RequestedItem;
import cn.shanxi.lianban.dispatch.Plan.Handling;
import cn.shanxi.lianban.dispatch.Plan.NotApplicable;
import cn.shanxi.lianban.dispatch.Plan.PlannedItem;
import cn.shanxi.lianban.dispatch.Plan.Reason;
import cn.shanxi.lianban.dispatch.Rule.Effect;
import org.springframework.stereotype.Component;

/**
 * Reads the rule table for one form: the same answer for the validator, the guide and
 * dispatch.
 */
@Component
public class ItemPlanner {

	private static final String BENEFIT_STOP_SEED = "方案三(三)4、5；附件2 死亡人员享受福利、补贴待遇情况";

	private final List<Rule> rules;

	/**
	 * The conditions of each item do not depend on the form: read from the table once.
	 */
	private final Map<RequestedItem, List<Reason>> conditions = new EnumMap<>(RequestedItem.class);

	private final AgencyCatalogue agencies;

	public ItemPlanner(RuleProperties properties, AgencyCatalogue agencies) {
		this.rules = ItemRules.table(properties::hasFuneralGrant);
		this.agencies = agencies;
		for (RequestedItem item : RequestedItem.values()) {
			this.conditions.put(item,
					this.rules.stream()
						.filter((r) -> r.effect() == Effect.CONDITION && r.speaksOf(item))
						.map(Reason::of)
						.toList());
		}
	}

	public List<Rule> rules() {
		return this.rules;
	}

	public Plan plan(ApplicationForm form) {
		List<PlannedItem> items = new ArrayList<>();
		List<NotApplicable> notApplicable = new ArrayList<>();
		Set<RequestedItem> requested = EnumSet.noneOf(RequestedItem.class);
		requested.addAll(form.items());
		for (RequestedItem item : requested) {
			Rule offline = first(item, Effect.OFFLINE, form);
			Rule refusal = (offline != null) ? null : first(item, Effect.NOT_APPLICABLE, form);
			if (refusal != null) {
				notApplicable.add(new NotApplicable(item, Reason.of(refusal)));
				continue;
			}
			WorkItemType type = WorkItemType.of(item);
			items.add(
					new PlannedItem(type, agencyFor(type, form), (offline != null) ? Handling.OFFLINE : Handling.ONLINE,
							item, (offline != null) ? Reason.of(offline) : null, conditions(item)));
		}
		for (Benefit benefit : benefits(form)) {
			WorkItemType stop = WorkItemType.stopOf(benefit);
			if (stop != null) {
				items.add(new PlannedItem(stop, this.agencies.agencyFor(stop), Handling.ONLINE, null,
						new Reason("benefit.stop", BENEFIT_STOP_SEED, "死亡人员生前享受该待遇，须终止发放",
								"The deceased received this benefit: it must be stopped"),
						List.of()));
			}
		}
		return new Plan(List.copyOf(items), List.copyOf(notApplicable));
	}

	/**
	 * The agency the catalogue routes the item to; a non-normal death's certificate is
	 * asked of the police instead (方案三(三)1: 非正常死亡的，公安机关…开具非正常死亡证明).
	 */
	private String agencyFor(WorkItemType type, ApplicationForm form) {
		if (type == WorkItemType.DEATH_CERTIFICATE && form.deceased() != null
				&& Boolean.TRUE.equals(form.deceased().nonNormalDeath())) {
			return Agencies.POLICE;
		}
		return this.agencies.agencyFor(type);
	}

	private Rule first(RequestedItem item, Effect effect, ApplicationForm form) {
		for (Rule rule : this.rules) {
			if (rule.effect() == effect && rule.speaksOf(item) && rule.holdsFor(form)) {
				return rule;
			}
		}
		return null;
	}

	private List<Reason> conditions(RequestedItem item) {
		return this.conditions.get(item);
	}

	private static Set<Benefit> benefits(ApplicationForm form) {
		Set<Benefit> benefits = EnumSet.noneOf(Benefit.class);
		if (form.deceased() != null && form.deceased().benefits() != null) {
			form.deceased().benefits().stream().filter((b) -> b != null).forEach(benefits::add);
		}
		return benefits;
	}

}
