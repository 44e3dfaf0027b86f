package cn.shanxi.lianban.certificate;

import java.time.Instant;

/**
 * A record that passed validation, with what the store and the case matching need; the
 * whole record is {@code json}.
 *
 * @param deathRegionCode {@code death.regionCode}, else the sending partner's region
 * @param jsonUtf8 {@code json} in UTF-8, encoded once: hashed, and copied as it is
 * @param sha256 hash of {@code json}: same version and same hash = DUPLICATE
 */
record CertificateRecord(int lineNo, RecordKind kind, RecordAction action, String certificateNo, Integer version,
		Instant issuedAt, String deceasedIdNumber, String deceasedName, String householdRegionCode,
		String deathRegionCode, String deathCertificateNo, String voidReason, String json, byte[] jsonUtf8,
		String sha256) {

	String key() {
		return this.kind.name() + '|' + this.certificateNo;
	}

	/**
	 * Orders versions of one certificate: by {@code version} when both sides have one,
	 * else by issue time.
	 */
	int compareVersion(Integer otherVersion, Instant otherIssuedAt) {
		if (this.version != null && otherVersion != null) {
			int byVersion = Integer.compare(this.version, otherVersion);
			if (byVersion != 0 || this.issuedAt == null || otherIssuedAt == null) {
				return byVersion;
			}
		}
		if (this.issuedAt != null && otherIssuedAt != null) {
			return this.issuedAt.compareTo(otherIssuedAt);
		}
		// one side has only a version, the other only a time: the explicit version wins
		return (this.version != null) ? 1 : -1;
	}

}
