package cn.shanxi.lianban.sla;

/** How a promised time limit (承诺时限) is counted. */
public enum TimeLimitUnit {

	/** Calendar hours, nights and holidays included. */
	HOURS,

	/** Working days (工作日) of the official calendar, see {@link WorkingCalendar}. */
	WORKING_DAYS

}
