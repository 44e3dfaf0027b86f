package cn.shanxi.lianban.casefile;

/**
 * Published (synchronously, inside the deciding transaction) when a case has its death
 * certificate on record and is eligible: it is now {@link CaseStatus#IN_PROGRESS} and its
 * work items can be dispatched to the agencies.
 */
public record CaseMayProceed(long caseId, String caseNo) {
}
