package cn.shanxi.lianban.status;

import cn.shanxi.lianban.casefile.CaseStatus;

/**
 * Published (synchronously, inside the deciding transaction) when a case is 办结:
 * {@code COMPLETED} or {@code COMPLETED_PARTIALLY}. The family is told from here.
 *
 * @param done items the agencies finished
 * @param offline items that need the window (线下办理)
 * @param rejected items their agency refused
 */
public record CaseCompleted(long caseId, String caseNo, CaseStatus status, int done, int offline, int rejected) {
}
