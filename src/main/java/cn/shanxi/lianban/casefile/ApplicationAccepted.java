package cn.shanxi.lianban.casefile;

/**
 * Published (synchronously, inside the accepting transaction) when a family's application
 * has been stored. Listeners — e.g. certificate matching, when the certificate came first
 * — act in the same transaction.
 */
public record ApplicationAccepted(long caseId, String caseNo, String deceasedIdNumber) {
}
