package cn.shanxi.lianban.dispatch;

import java.util.Set;
import java.util.function.Predicate;

import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.casefile.RequestedItem;

/**
 * One rule of the plan or the form's notes, with the line of the seed it comes from.
 *
 * @param id stable id, also the error code the validator and the guide answer with
 * @param seed where the rule is written (plan section or form note), quoted for clerks
 * @param items the requested items it speaks of
 * @param effect what happens to those items when {@code when} holds
 * @param when the facts that trigger it; only true when the facts are known (a partial
 * form in the guide triggers nothing it cannot decide)
 * @param zh the reason, in Chinese, as families read it
 * @param en the same in English
 */
public record Rule(String id, String seed, Set<RequestedItem> items, Effect effect, Predicate<ApplicationForm> when,
		String zh, String en) {

	public enum Effect {

		/**
		 * The item cannot be applied for: the validator refuses the form, the guide says
		 * why.
		 */
		NOT_APPLICABLE,
		/** The item is handled at the window (线下办理), not online. */
		OFFLINE,
		/** Online, but the agency may send it to the window if a condition is not met. */
		CONDITION

	}

	public boolean speaksOf(RequestedItem item) {
		return this.items.contains(item);
	}

	public boolean holdsFor(ApplicationForm form) {
		return this.when.test(form);
	}

}
