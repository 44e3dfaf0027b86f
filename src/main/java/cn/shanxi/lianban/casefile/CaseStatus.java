package cn.shanxi.lianban.casefile;

/** Where a case stands (CONTRACT.md §Case and work-item states). */
public enum CaseStatus {

	/** Accepted from a channel, not yet looked at further. */
	RECEIVED,
	/** No death certificate on record yet; eligibility is decided when it comes. */
	AWAITING_CERTIFICATE,
	/** Certificate on record, the agencies are working. */
	IN_PROGRESS,
	/** 办结: every item done. */
	COMPLETED,
	/** 办结, some items need the window. */
	COMPLETED_PARTIALLY,
	/** Not eligible (e.g. no Shanxi household registration), with the reason. */
	REJECTED,
	/** Its certificate was voided by the issuer. */
	ON_HOLD;

	public boolean isFinal() {
		return this == COMPLETED || this == COMPLETED_PARTIALLY || this == REJECTED;
	}

}
