package cn.shanxi.lianban.casefile;

import java.util.HashSet;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases the current transaction has changed since it wrote them: the writers of a
 * case's rows (timeline, status, work items) mark the case here. The accepting
 * transaction reads it to know whether the case is still exactly what it wrote, so that
 * its answer can be built from what it holds instead of read back.
 */
public final class CaseChanges {

	private static final Object KEY = CaseChanges.class;

	private CaseChanges() {
	}

	/** This transaction changed the case; outside a transaction nothing is kept. */
	public static void mark(long caseId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Long> changed = (Set<Long>) TransactionSynchronizationManager.getResource(KEY);
		if (changed == null) {
			changed = new HashSet<>();
			TransactionSynchronizationManager.bindResource(KEY, changed);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
		}
		changed.add(caseId);
	}

	/** Whether this transaction changed the case (after writing it). */
	public static boolean marked(long caseId) {
		Object changed = TransactionSynchronizationManager.getResource(KEY);
		return changed instanceof Set<?> set && set.contains(caseId);
	}

}
