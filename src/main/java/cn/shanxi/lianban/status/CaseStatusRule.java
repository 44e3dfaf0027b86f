package cn.shanxi.lianban.status;

import java.util.Collection;
import java.util.Optional;

import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.WorkItemStatus;

/**
 * How a case's status follows from its work items (CONTRACT.md §Case and work-item
 * states). Only a case in progress is recomputed:
 * <ul>
 * <li>{@code RECEIVED} and {@code AWAITING_CERTIFICATE}: eligibility is not known yet, so
 * not even a case whose items all went to the window at acceptance is closed before its
 * certificate;</li>
 * <li>{@code REJECTED} and {@code ON_HOLD}: decided by eligibility and the certificate,
 * not by the agencies;</li>
 * <li>{@code COMPLETED} and {@code COMPLETED_PARTIALLY}: final.</li>
 * </ul>
 * A case in progress stays {@code IN_PROGRESS} until every item has ended; then it is
 * {@code COMPLETED} (办结) when every item is {@code DONE}, and {@code COMPLETED_PARTIALLY}
 * when at least one went to the window ({@code OFFLINE_REQUIRED}) or was refused by its
 * agency ({@code REJECTED}): either way the family still has something to do at a window,
 * and the case is 办结 for the hub. An agency's refusal does not make the case
 * {@code REJECTED}, which is kept for a case that is not eligible at all. A case without
 * work items is {@code COMPLETED}: nothing is left to do.
 */
final class CaseStatusRule {

	private CaseStatusRule() {
	}

	/** The status the case should move to, or empty when it stays as it is. */
	static Optional<CaseStatus> next(CaseStatus current, Collection<WorkItemStatus> items) {
		if (current != CaseStatus.IN_PROGRESS) {
			return Optional.empty();
		}
		if (!items.stream().allMatch(WorkItemStatus::isFinal)) {
			return Optional.empty();
		}
		boolean allDone = items.stream().allMatch((s) -> s == WorkItemStatus.DONE);
		return Optional.of(allDone ? CaseStatus.COMPLETED : CaseStatus.COMPLETED_PARTIALLY);
	}

}
