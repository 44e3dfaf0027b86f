package cn.shanxi.lianban.sla;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official Chinese working-day calendar (工作日): a weekday that is not a public holiday
 * (放假), or a Saturday or Sunday that is a make-up working day (调休上班), as the State
 * Council publishes them each year; the facts come from the files of the calendar folder,
 * one per year ({@code cn-2026.yaml}).
 * <p>
 * A year without a file is reckoned Monday to Friday. That is wrong on every public
 * holiday, so it is said loudly: a warning at start-up and at {@link #reload()} for the
 * current and the next year, a warning the first time a calculation touches such a year,
 * and in the {@code calendar} health details.
 * <p>
 * Dates are Beijing dates (Asia/Shanghai).
 */
public class WorkingCalendar {

	/** Working days are days in Beijing. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** No promise runs for ten years; a larger count is a configuration mistake. */
	private static final int MAX_WORKING_DAYS = 3660;

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	private final Path dir;

	private final Clock clock;

	private volatile Map<Integer, HolidayYear> years = Map.of();

	private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

	/**
	 * Reads the folder at once.
	 * @param dir the calendar folder
	 * @param clock tells which years are current and next
	 * @throws CalendarFileException when a file is wrong
	 */
	public WorkingCalendar(Path dir, Clock clock) {
		this.dir = dir;
		this.clock = clock;
		reload();
	}

	/**
	 * Reads the calendar folder again, e.g. after an operator added next year's file. All
	 * or nothing: when a file is wrong this throws and the calendar keeps what it had.
	 * @throws CalendarFileException when a file is wrong
	 */
	public final void reload() {
		Map<Integer, HolidayYear> read = Map.copyOf(CalendarFiles.readFolder(this.dir));
		this.years = read;
		this.warnedYears.clear();
		log.info("Working-day calendar: years {} on file in {}", new TreeSet<>(read.keySet()), absoluteDir());
		for (int year : missingYears()) {
			this.warnedYears.add(year);
			log.warn(missingWarning(year));
		}
	}

	/**
	 * Whether {@code date} is a working day: a weekday that is not off, or a listed
	 * make-up working day.
	 */
	public boolean isWorkingDay(LocalDate date) {
		HolidayYear year = yearOf(date);
		if (year != null) {
			if (year.work().contains(date)) {
				return true;
			}
			if (year.off().contains(date)) {
				return false;
			}
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * When a promise of {@code n} working days made at {@code start} ends: at the end
	 * (24:00, Beijing time) of the {@code n}-th working day after the date of
	 * {@code start}. Counting begins on the next day whatever the hour of {@code start}
	 * and whether its date is a working day: a promise of 2 working days made on Friday
	 * 23:30, or on Saturday, ends on Tuesday at 24:00 (returned as Wednesday 00:00) in an
	 * ordinary week. This is the usual 次日起算 rule of administrative time limits.
	 * @param start when the promise was made, in any zone; its Beijing date counts
	 * @param n working days, at least 1
	 * @return the end of the promise, at 00:00 Asia/Shanghai of the day after the last
	 * working day
	 */
	public ZonedDateTime plusWorkingDays(ZonedDateTime start, int n) {
		if (n < 1 || n > MAX_WORKING_DAYS) {
			throw new IllegalArgumentException("working days must be 1.." + MAX_WORKING_DAYS + ", not " + n);
		}
		LocalDate day = start.withZoneSameInstant(CHINA).toLocalDate();
		int counted = 0;
		while (counted < n) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day.plusDays(1).atStartOfDay(CHINA);
	}

	/**
	 * A promise in hours: calendar hours, nights, weekends and holidays included (a
	 * cremation certificate in 4 hours is promised on a holiday too).
	 */
	public Instant plusHours(Instant start, long hours) {
		if (hours < 0) {
			throw new IllegalArgumentException("hours must not be negative, not " + hours);
		}
		return start.plus(Duration.ofHours(hours));
	}

	/**
	 * The working days after {@code from} up to and including {@code to}, so that the
	 * count from a promise's start date to its last day is the promise itself; negative
	 * when {@code to} is before {@code from}, zero on the same date.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/** The years that have a file. */
	public SortedSet<Integer> yearsOnFile() {
		return new TreeSet<>(this.years.keySet());
	}

	/** The current and the next year (by the clock), when they have no file. */
	public List<Integer> missingYears() {
		int current = LocalDate.now(this.clock.withZone(CHINA)).getYear();
		return Stream.of(current, current + 1).filter((year) -> !this.years.containsKey(year)).toList();
	}

	/** The calendar folder, absolute. */
	public Path absoluteDir() {
		return this.dir.toAbsolutePath().normalize();
	}

	/** The operator's to-do for a year without a file, in English and Chinese. */
	String missingWarning(int year) {
		return "No holiday calendar for " + year + ": working days in " + year
				+ " are reckoned Monday to Friday, without public holidays and make-up working days, so due "
				+ "times may be wrong. Add " + absoluteDir().resolve("cn-" + year + ".yaml")
				+ " from the State Council notice and restart or reload. (" + year + "年节假日安排文件缺失，暂按周一至周五计算工作日，"
				+ "请根据国务院办公厅通知添加该文件)";
	}

	private HolidayYear yearOf(LocalDate date) {
		HolidayYear year = this.years.get(date.getYear());
		if (year == null && this.warnedYears.add(date.getYear())) {
			log.warn(missingWarning(date.getYear()));
		}
		return year;
	}

}
