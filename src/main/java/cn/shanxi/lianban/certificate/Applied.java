package cn.shanxi.lianban.certificate;

/**
 * A certificate whose current version changed, as the case matching needs it.
 *
 * @param voided the certificate is now withdrawn
 * @param replaced an earlier version was on record (a correction, not a first arrival)
 * @param deceasedName the name on the certificate, to compare with the application's
 */
record Applied(RecordKind kind, String certificateNo, String partnerCode, boolean voided, boolean replaced,
		String deceasedIdNumber, String householdRegionCode, String deathRegionCode, String voidReason,
		String deceasedName) {
}
