package cn.shanxi.lianban.sla;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Working-day arithmetic on the real calendar files of the repository. */
class WorkingCalendarTests {

	static final Clock MARCH_2026 = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), WorkingCalendar.CHINA);

	final WorkingCalendar calendar = new WorkingCalendar(Path.of("calendar"), MARCH_2026);

	@ParameterizedTest(name = "{0} {1} is a working day: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2025-01-01 | Wed | false | 元旦
			2025-01-26 | Sun | true  | 春节 make-up day
			2025-02-04 | Tue | false | 春节 last day off
			2025-02-08 | Sat | true  | 春节 make-up day
			2025-04-27 | Sun | true  | 劳动节 make-up day
			2025-09-28 | Sun | true  | 国庆 make-up day
			2025-10-08 | Wed | false | 国庆、中秋 eighth day off
			2025-10-09 | Thu | true  | first day back
			2025-10-11 | Sat | true  | 国庆 make-up day
			2025-10-12 | Sun | false | an ordinary Sunday
			2026-01-01 | Thu | false | 元旦
			2026-01-02 | Fri | false | 元旦
			2026-01-03 | Sat | false | 元旦
			2026-01-04 | Sun | true  | 元旦 make-up day
			2026-01-05 | Mon | true  | an ordinary Monday
			2026-02-13 | Fri | true  | the Friday before 春节
			2026-02-14 | Sat | true  | 春节 make-up day
			2026-02-15 | Sun | false | 春节 first day off
			2026-02-16 | Mon | false | 春节
			2026-02-21 | Sat | false | 春节
			2026-02-23 | Mon | false | 春节 last day off
			2026-02-24 | Tue | true  | first day back
			2026-02-28 | Sat | true  | 春节 make-up day
			2026-03-01 | Sun | false | an ordinary Sunday
			2026-05-09 | Sat | true  | 劳动节 make-up day
			2026-06-19 | Fri | false | 端午节
			2026-09-20 | Sun | true  | 国庆 make-up day
			2026-09-25 | Fri | false | 中秋节
			2026-10-01 | Thu | false | 国庆节
			2026-10-07 | Wed | false | 国庆节 last day off
			2026-10-08 | Thu | true  | first day back
			2026-10-10 | Sat | true  | 国庆 make-up day
			2026-10-11 | Sun | false | an ordinary Sunday
			""")
	void followsTheOfficialCalendarNotMondayToFriday(LocalDate date, String weekday, boolean working, String why) {
		assertThat(date.getDayOfWeek().toString()).startsWithIgnoringCase(weekday);
		assertThat(this.calendar.isWorkingDay(date)).as(why).isEqualTo(working);
	}

	@ParameterizedTest(name = "{0} + {1} working days ends {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-12T10:00 | 2 | 2026-02-15T00:00 | Thu: Fri, then the make-up Saturday before 春节
			2026-02-13T17:30 | 2 | 2026-02-25T00:00 | Fri: make-up Sat 02-14, then nine days off, Tue 02-24
			2026-02-13T23:59 | 1 | 2026-02-15T00:00 | late Friday: the make-up Saturday is the next working day
			2026-02-17T09:00 | 2 | 2026-02-26T00:00 | started on a holiday: counting begins after it, 02-24 and 02-25
			2026-02-14T10:00 | 1 | 2026-02-25T00:00 | started on a make-up Saturday: next is 02-24
			2026-02-24T09:00 | 5 | 2026-03-03T00:00 | 02-25, 26, 27, make-up Sat 02-28, Mon 03-02
			2026-02-27T16:00 | 1 | 2026-03-01T00:00 | Fri: the make-up Saturday 02-28
			2026-03-06T23:30 | 2 | 2026-03-11T00:00 | late on an ordinary Friday: Mon and Tue
			2026-03-07T11:00 | 2 | 2026-03-11T00:00 | on an ordinary Saturday: Mon and Tue
			2025-12-31T16:00 | 1 | 2026-01-05T00:00 | New Year: 01-01..03 off, make-up Sunday 01-04
			2025-12-31T16:00 | 2 | 2026-01-06T00:00 | New Year: Sun 01-04 and Mon 01-05
			2026-01-02T08:00 | 1 | 2026-01-05T00:00 | on 元旦 itself: the make-up Sunday
			2026-09-18T10:00 | 1 | 2026-09-21T00:00 | Fri: Sat off, make-up Sunday 09-20
			2026-09-30T15:00 | 2 | 2026-10-10T00:00 | 国庆: 10-01..07 off, Thu 10-08 and Fri 10-09
			2026-09-30T15:00 | 3 | 2026-10-11T00:00 | 国庆: and the make-up Saturday 10-10
			2026-10-04T12:00 | 1 | 2026-10-09T00:00 | in the middle of 国庆: Thu 10-08
			2025-09-26T10:00 | 1 | 2025-09-29T00:00 | 2025: Sat off, make-up Sunday 09-28
			2025-09-30T10:00 | 1 | 2025-10-10T00:00 | 2025: 国庆、中秋 10-01..08 off, Thu 10-09
			2025-10-10T18:00 | 1 | 2025-10-12T00:00 | 2025: the make-up Saturday 10-11
			""")
	void aPromiseOfWorkingDaysEndsAtMidnightAfterTheLastOne(LocalDateTime start, int days, LocalDateTime due,
			String why) {
		ZonedDateTime end = this.calendar.plusWorkingDays(start.atZone(WorkingCalendar.CHINA), days);
		assertThat(end).as(why).isEqualTo(due.atZone(WorkingCalendar.CHINA));
		assertThat(this.calendar.workingDaysBetween(start.toLocalDate(), end.toLocalDate().minusDays(1)))
			.isEqualTo(days);
	}

	@Test
	void theBeijingDateCountsWhateverTheZoneOfTheStart() {
		// 16:30 UTC on Friday 02-13 is already Saturday 02-14, a make-up working day, in
		// Beijing
		ZonedDateTime start = ZonedDateTime.parse("2026-02-13T16:30:00Z");
		assertThat(this.calendar.plusWorkingDays(start, 1))
			.isEqualTo(ZonedDateTime.parse("2026-02-25T00:00:00+08:00[Asia/Shanghai]"));
	}

	@Test
	void hoursAreCalendarHoursAcrossMidnightAndHolidays() {
		Instant lateFriday = Instant.parse("2026-02-13T14:00:00Z"); // 22:00 Beijing
		assertThat(this.calendar.plusHours(lateFriday, 4)).isEqualTo(Instant.parse("2026-02-13T18:00:00Z"));
		assertThat(this.calendar.plusHours(lateFriday, 4).atZone(WorkingCalendar.CHINA).toLocalDateTime())
			.isEqualTo(LocalDateTime.parse("2026-02-14T02:00"));
		Instant springFestivalEve = Instant.parse("2026-02-16T13:30:00Z"); // 21:30
																			// Beijing, a
																			// holiday
		assertThat(this.calendar.plusHours(springFestivalEve, 4).atZone(WorkingCalendar.CHINA).toLocalDateTime())
			.isEqualTo(LocalDateTime.parse("2026-02-17T01:30"));
	}

	@ParameterizedTest(name = "working days after {0} up to {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-13 | 2026-02-25 | 3
			2026-02-14 | 2026-02-23 | 0
			2026-09-30 | 2026-10-10 | 3
			2025-12-31 | 2026-01-05 | 2
			2026-03-02 | 2026-03-02 | 0
			2026-02-25 | 2026-02-13 | -3
			""")
	void countsWorkingDaysAfterTheFirstDateUpToTheSecond(LocalDate from, LocalDate to, int count) {
		assertThat(this.calendar.workingDaysBetween(from, to)).isEqualTo(count);
	}

	@Test
	void refusesPromisesOfNoWorkingDaysOrNegativeHours() {
		ZonedDateTime now = ZonedDateTime.now(MARCH_2026);
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.plusWorkingDays(now, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.plusHours(now.toInstant(), -1));
	}

}
