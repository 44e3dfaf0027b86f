package cn.shanxi.lianban.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks the calendar folder: one file per year, {@code cn-<year>.yaml}. A file
 * with a mistake fails as a whole, with every mistake in the message, so that a typo
 * never turns a holiday into a working day unnoticed.
 */
final class CalendarFiles {

	private static final Logger log = LoggerFactory.getLogger(CalendarFiles.class);

	private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.ya?ml");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.addModule(new JavaTimeModule())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
		.build();

	private CalendarFiles() {
	}

	/**
	 * Every year on file in {@code dir}; none when the folder does not exist (the caller
	 * warns about the missing years).
	 * @throws CalendarFileException when a file is wrong or two files claim one year
	 */
	static Map<Integer, HolidayYear> readFolder(Path dir) {
		Map<Integer, HolidayYear> years = new TreeMap<>();
		if (!Files.isDirectory(dir)) {
			return years;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				Matcher matcher = FILE_NAME.matcher(name);
				if (!matcher.matches()) {
					if (!name.startsWith(".")) {
						log.warn("Calendar folder {}: ignoring {}, calendar files are named cn-<year>.yaml "
								+ "(忽略：文件名应为 cn-年份.yaml)", dir, name);
					}
					continue;
				}
				HolidayYear year = readFile(file, Integer.parseInt(matcher.group(1)));
				HolidayYear before = years.put(year.year(), year);
				if (before != null) {
					throw new CalendarFileException(file + " and " + before.file() + " both hold " + year.year()
							+ ": keep one (同一年份有两个文件，请只保留一个)");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the calendar folder " + dir, ex);
		}
		return years;
	}

	/** One file, checked against the year its name gives. */
	static HolidayYear readFile(Path file, int yearOfName) {
		HolidayFile content;
		try {
			content = YAML.readValue(file.toFile(), HolidayFile.class);
		}
		catch (JsonProcessingException ex) {
			throw new CalendarFileException(file + unreadable(ex), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read calendar file " + file, ex);
		}
		if (content == null) {
			throw new CalendarFileException(file + " is empty (文件为空)");
		}
		return check(file, yearOfName, content);
	}

	private static String unreadable(JsonProcessingException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			// Jackson reads a record to its end before it complains, so its line would
			// point past the typo: the path names the place instead
			return " (" + path(unknown.getPath()) + "): unknown field \"" + unknown.getPropertyName()
					+ "\", expected one of "
					+ new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()) + " (未知字段)";
		}
		StringBuilder message = new StringBuilder();
		if (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) {
			message.append(" line ")
				.append(ex.getLocation().getLineNr())
				.append(", column ")
				.append(ex.getLocation().getColumnNr());
		}
		if (ex instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			message.append(" (").append(path(mapping.getPath())).append(')');
		}
		return message.append(": cannot read it, ")
			.append(ex.getOriginalMessage())
			.append(" — dates are written yyyy-MM-dd (无法读取，日期格式为 yyyy-MM-dd)")
			.toString();
	}

	private static String path(List<JsonMappingException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : references) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static HolidayYear check(Path file, int yearOfName, HolidayFile content) {
		List<String> problems = new ArrayList<>();
		if (content.year() == null) {
			problems.add("year is missing, it should be " + yearOfName + " (缺少 year)");
		}
		else if (content.year() != yearOfName) {
			problems.add("year " + content.year() + " does not match the file name, which says " + yearOfName
					+ " (year 与文件名不一致)");
		}
		if (content.source() == null || content.source().isBlank()) {
			problems.add("source is missing: name the State Council notice (缺少 source：请注明国务院办公厅通知)");
		}
		List<HolidayFile.Holiday> holidays = (content.holidays() != null) ? content.holidays() : List.of();
		if (holidays.isEmpty()) {
			problems.add("holidays are missing (缺少 holidays)");
		}
		Set<LocalDate> off = new HashSet<>();
		Set<LocalDate> work = new HashSet<>();
		for (int i = 0; i < holidays.size(); i++) {
			checkHoliday(i, holidays.get(i), yearOfName, off, work, problems);
		}
		Set<LocalDate> both = off.stream().filter(work::contains).collect(Collectors.toCollection(TreeSet::new));
		for (LocalDate date : both) {
			problems.add(date + " is listed both as off and as work (同一日期不能既放假又上班)");
		}
		if (!problems.isEmpty()) {
			throw new CalendarFileException(file + " has " + problems.size() + " mistake(s), it is not used "
					+ "until they are corrected (日历文件有误，更正前不予使用):\n  - " + String.join("\n  - ", problems));
		}
		return new HolidayYear(yearOfName, content.source(), file, off, work);
	}

	private static void checkHoliday(int i, HolidayFile.Holiday holiday, int year, Set<LocalDate> off,
			Set<LocalDate> work, List<String> problems) {
		if (holiday == null) {
			problems.add("holidays[" + i + "]: empty entry (空条目)");
			return;
		}
		boolean named = holiday.name() != null && !holiday.name().isBlank();
		String where = "holidays[" + i + "]" + (named ? " " + holiday.name() : "");
		if (!named) {
			problems.add(where + ": name is missing (缺少节日名称)");
		}
		if (holiday.off() == null || holiday.off().isEmpty()) {
			problems.add(where + ": no off dates (缺少放假日期)");
		}
		for (LocalDate date : (holiday.off() != null) ? holiday.off() : List.<LocalDate>of()) {
			if (checkDate(where, "off", date, year, problems) && !off.add(date)) {
				problems.add(where + ": off " + date + " is listed twice (放假日期重复)");
			}
		}
		for (LocalDate date : holiday.work()) {
			if (!checkDate(where, "work", date, year, problems)) {
				continue;
			}
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				problems.add(where + ": work " + date + " is a " + date.getDayOfWeek()
						+ ", make-up working days are Saturdays or Sundays (调休上班日应为周六或周日)");
			}
			if (!work.add(date)) {
				problems.add(where + ": work " + date + " is listed twice (调休上班日期重复)");
			}
		}
	}

	private static boolean checkDate(String where, String kind, LocalDate date, int year, List<String> problems) {
		if (date == null) {
			problems.add(where + ": an empty " + kind + " date (日期为空)");
			return false;
		}
		if (date.getYear() != year) {
			problems.add(where + ": " + kind + " " + date + " is not in " + year + " (日期不属于" + year + "年)");
			return false;
		}
		return true;
	}

}
