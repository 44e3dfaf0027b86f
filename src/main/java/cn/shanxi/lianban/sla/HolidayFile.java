package cn.shanxi.lianban.sla;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's file in the calendar folder ({@code cn-2026.yaml}) as an operator writes it;
 * {@link CalendarFiles} checks it before the hub uses it.
 *
 * @param year the year every date belongs to, the same as in the file name
 * @param source the State Council notice the dates come from
 * @param holidays the holidays of the year
 */
record HolidayFile(Integer year, String source, List<Holiday> holidays) {

	/**
	 * One holiday (节假日).
	 *
	 * @param name its Chinese name, e.g. 春节
	 * @param off the days off (放假), weekdays or not
	 * @param work the Saturdays and Sundays worked instead (调休上班)
	 */
	record Holiday(String name, List<LocalDate> off, List<LocalDate> work) {

		Holiday {
			work = (work != null) ? work : List.of();
		}

	}

}
