package cn.shanxi.lianban.sla;

import java.time.Instant;

/**
 * A promised time limit (承诺时限), e.g. 4 HOURS or 2 WORKING_DAYS.
 *
 * @param value how many units, positive
 * @param unit hours or working days
 */
public record TimeLimit(Integer value, TimeLimitUnit unit) {

	/**
	 * When a promise made at {@code start} ends, by the rules of {@link WorkingCalendar}.
	 */
	Instant dueAt(Instant start, WorkingCalendar calendar) {
		return switch (this.unit) {
			case HOURS -> calendar.plusHours(start, this.value);
			case WORKING_DAYS -> calendar.plusWorkingDays(start.atZone(WorkingCalendar.CHINA), this.value).toInstant();
		};
	}

	@Override
	public String toString() {
		return this.value + " " + this.unit;
	}

}
