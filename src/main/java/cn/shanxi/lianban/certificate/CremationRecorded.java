package cn.shanxi.lianban.certificate;

/**
 * Published (synchronously, inside the transaction that recorded it) when a funeral
 * home's cremation record is tied to a case: the hook for completing the case's
 * {@code CREMATION_CERTIFICATE} work item.
 */
public record CremationRecorded(long caseId, String certificateNo) {
}
