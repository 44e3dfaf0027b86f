package cn.shanxi.lianban.dispatch;

import java.util.List;

import cn.shanxi.lianban.casefile.RequestedItem;

/**
 * What the hub would do with a form: the work items with their agency and handling, the
 * requested items that cannot apply, and the conditions the family should know.
 */
public record Plan(List<PlannedItem> items, List<NotApplicable> notApplicable) {

	/** Online through the hub, or at the window (线下办理). */
	public enum Handling {

		ONLINE, OFFLINE

	}

	/**
	 * A reason with the rule it comes from; {@code zh} for families, {@code en} beside
	 * it.
	 */
	public record Reason(String rule, String seed, String zh, String en) {

		static Reason of(Rule rule) {
			return new Reason(rule.id(), rule.seed(), rule.zh(), rule.en());
		}

	}

	/**
	 * One work item the hub would create.
	 *
	 * @param requested the ticked item it answers, or {@code null} for a stop derived
	 * from the deceased's benefits
	 * @param reason why it is there, or why it goes to the window
	 * @param conditions what may still send it to the window
	 */
	public record PlannedItem(WorkItemType type, String agency, Handling handling, RequestedItem requested,
			Reason reason, List<Reason> conditions) {
	}

	/** A ticked item that cannot apply, with the rule that says so. */
	public record NotApplicable(RequestedItem item, Reason reason) {
	}

}
