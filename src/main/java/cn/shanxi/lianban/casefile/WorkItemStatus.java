package cn.shanxi.lianban.casefile;

/** Where one agency task stands (CONTRACT.md §Case and work-item states). */
public enum WorkItemStatus {

	/** Created, not yet sent (waiting for the certificate, or in the outbox). */
	PENDING,
	/** Delivered to the agency's system. */
	SENT,
	/** The agency acknowledged it. */
	ACCEPTED,
	/** 办结. */
	DONE,
	/** The agency refused it, with its reason. */
	REJECTED,
	/** To be handled at the window (线下办理), with the reason and what to bring. */
	OFFLINE_REQUIRED,
	/** Delivery gave up after its retries; an operator can replay it. */
	PARKED;

	/** An ended item moves no more. */
	public boolean isFinal() {
		return this == DONE || this == REJECTED || this == OFFLINE_REQUIRED;
	}

	/** Order of progress: a reply may not move an item backwards. */
	public int rank() {
		return switch (this) {
			case PENDING, PARKED -> 0;
			case SENT -> 1;
			case ACCEPTED -> 2;
			case DONE, REJECTED, OFFLINE_REQUIRED -> 3;
		};
	}

}
