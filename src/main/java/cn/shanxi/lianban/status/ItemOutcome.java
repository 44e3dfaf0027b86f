package cn.shanxi.lianban.status;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import cn.shanxi.lianban.casefile.WorkItemStatus;

/**
 * What an agency reports for one work item, as a reply transport hands it to
 * {@link ApplyItemOutcome}. Checks itself: a command that breaks these rules is a bug in
 * the transport or its mapping, not a reply to keep.
 *
 * @param item which work item: by id, or by the reference (dedup key) the hub sent
 * @param status {@code ACCEPTED} (acknowledged), {@code DONE}, {@code REJECTED} (with the
 * agency's reason) or {@code OFFLINE_REQUIRED} (with a reason code of
 * {@link OfflineReason}; an unknown code reads as {@code OTHER})
 * @param reasonCode the agency's reason code, optional
 * @param reasonText the agency's own words, optional
 * @param amount money paid, in yuan, at most 2 decimals; optional
 * @param account the account it was paid to; only its masked form is ever stored
 * @param source who reports it: {@code agency:HRSS}; an {@code agency:} source must be
 * the item's agency
 */
public record ItemOutcome(ItemRef item, WorkItemStatus status, String reasonCode, String reasonText, BigDecimal amount,
		String account, String source) {

	private static final Set<WorkItemStatus> OUTCOMES = EnumSet.of(WorkItemStatus.ACCEPTED, WorkItemStatus.DONE,
			WorkItemStatus.REJECTED, WorkItemStatus.OFFLINE_REQUIRED);

	public ItemOutcome {
		require(item != null, "缺少工作事项标识", "The work item (id or reference) is missing");
		require(status != null && OUTCOMES.contains(status), "结果状态应为 ACCEPTED、DONE、REJECTED 或 OFFLINE_REQUIRED",
				"The outcome must be ACCEPTED, DONE, REJECTED or OFFLINE_REQUIRED, not " + status);
		require(source != null && !source.isBlank() && source.length() <= 64, "缺少来源（如 agency:HRSS）",
				"The source (e.g. agency:HRSS) is missing or longer than 64 characters");
		require(reasonCode == null || reasonCode.length() <= 64, "原因代码过长", "The reason code is over 64 characters");
		require(reasonText == null || reasonText.length() <= 1000, "原因说明过长", "The reason text is over 1000 characters");
		if (amount != null) {
			amount = amount.stripTrailingZeros();
			require(amount.signum() >= 0 && amount.scale() <= 2 && amount.precision() - amount.scale() <= 12,
					"金额应为非负数，最多两位小数", "The amount must be positive or zero with at most 2 decimals: " + amount);
		}
		if (account != null) {
			account = account.replace(" ", "");
			require(account.matches("[0-9*]{4,40}"), "账号应为4至40位数字", "The account must be 4 to 40 digits");
		}
	}

	/** The agency's code when an agency reports it, else {@code null}. */
	public String agency() {
		return this.source.startsWith("agency:") ? this.source.substring("agency:".length()) : null;
	}

	private static void require(boolean condition, String zh, String en) {
		if (!condition) {
			throw new IllegalArgumentException(zh + " / " + en);
		}
	}

	/**
	 * Names a work item: by its id, or by the reference the hub sent it under (see
	 * {@link WorkItemReferences}).
	 */
	public record ItemRef(Long workItemId, String reference) {

		public static ItemRef id(long workItemId) {
			return new ItemRef(workItemId, null);
		}

		public static ItemRef reference(String reference) {
			return new ItemRef(null, reference);
		}

		@Override
		public String toString() {
			return (this.workItemId != null) ? "work item " + this.workItemId : "reference " + this.reference;
		}

	}

}
