package cn.shanxi.lianban.sla;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * A checked year of the official calendar.
 *
 * @param year the year
 * @param source the State Council notice
 * @param file where it was read from
 * @param off the days off (放假)
 * @param work the weekend days that are working days (调休上班)
 */
record HolidayYear(int year, String source, Path file, Set<LocalDate> off, Set<LocalDate> work) {

	HolidayYear {
		off = Set.copyOf(off);
		work = Set.copyOf(work);
	}

}
