package cn.shanxi.lianban.status;

import cn.shanxi.lianban.casefile.WorkItemStatus;

/**
 * What became of a reported outcome: applied, or kept as an anomaly (never applied twice,
 * never lost).
 *
 * @param workItemId the item, when known
 * @param caseNo its case, when known
 * @param itemStatus where the item stands now
 * @param anomalyId the {@code reply_anomaly} row, for anything not applied
 */
public record OutcomeResult(Kind kind, Long workItemId, String caseNo, WorkItemStatus itemStatus, Long anomalyId) {

	public boolean applied() {
		return this.kind == Kind.APPLIED;
	}

	public enum Kind {

		/** The item moved. */
		APPLIED,
		/** The item already stood there: a repeated reply. */
		DUPLICATE,
		/** The reply would move the item back (e.g. an ack after the item was done). */
		BACKWARDS,
		/** The item already ended otherwise (e.g. DONE, and now REJECTED). */
		CONFLICTING,
		/** The reporting agency is not the item's. */
		WRONG_AGENCY,
		/** No work item by that id or reference. */
		UNKNOWN_REFERENCE

	}

}
