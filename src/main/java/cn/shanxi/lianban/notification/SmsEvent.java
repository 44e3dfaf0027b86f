package cn.shanxi.lianban.notification;

/**
 * What the family is told by SMS; each has its template
 * ({@code lianban.notifications.sms.templates.<EVENT>}).
 */
public enum SmsEvent {

	/** The application was accepted (已受理). */
	CASE_RECEIVED,
	/** The death certificate is not on record yet. */
	AWAITING_CERTIFICATE,
	/** An agency finished an item (with the amount paid, if any). */
	ITEM_DONE,
	/** An item needs the window, with the reason and what to bring. */
	ITEM_OFFLINE,
	/** An agency refused an item, with its reason. */
	ITEM_REJECTED,
	/** 办结告知: every item done. */
	CASE_COMPLETED,
	/** 办结告知: done, some items at the window. */
	CASE_COMPLETED_PARTIALLY

}
