package cn.shanxi.lianban.certificate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.shanxi.lianban.support.IdNumbers;

/**
 * Field checks for one record, collecting every error rather than stopping at the first.
 */
final class Checks {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Pattern REGION = Pattern.compile("[1-8]\\d{5}");

	/**
	 * How a time is stored: ISO-8601 in Beijing time, {@code 2026-11-27T03:40:00+08:00}.
	 */
	static final DateTimeFormatter STORED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

	final Map<String, String> fields;

	final List<Reason> errors;

	/**
	 * Values to store in another form than they came in (times and dates as ISO, the ID
	 * number without spaces), by field.
	 */
	final Map<String, String> normalised = new java.util.HashMap<>(4);

	private final Instant now;

	Checks(Map<String, String> fields, List<Reason> errors, Instant now) {
		this.fields = fields;
		this.errors = errors;
		this.now = now;
	}

	boolean required(String field) {
		if (this.fields.get(field) == null) {
			this.errors.add(Reason.field(field, "missing", "不能为空", "is required"));
			return false;
		}
		return true;
	}

	void pattern(String field, Pattern pattern, boolean required, String zh, String en) {
		String value = this.fields.get(field);
		if (value == null) {
			if (required) {
				required(field);
			}
		}
		else if (!pattern.matcher(value).matches()) {
			this.errors.add(Reason.field(field, "format", zh, en));
		}
	}

	void region(String field, boolean required) {
		pattern(field, REGION, required, "应为6位行政区划代码", "must be a 6-digit administrative region code");
	}

	/** The normalised ID number, or {@code null}; errors only when present but wrong. */
	String idNumber(String field) {
		String value = this.fields.get(field);
		if (value == null) {
			return null;
		}
		IdNumbers.Defect defect = IdNumbers.check(value);
		if (defect != null) {
			this.errors.add(new Reason(field + "." + defect.code.substring(3), field + "：" + defect.zh,
					field + ": " + defect.en));
		}
		String normal = IdNumbers.normalise(value);
		if (!normal.equals(value)) {
			this.normalised.put(field, normal);
		}
		return normal;
	}

	void requiredId(String field, String idNumber) {
		if (idNumber == null) {
			required(field);
		}
	}

	LocalDate date(String field, boolean required) {
		String value = this.fields.get(field);
		if (value == null) {
			if (required) {
				required(field);
			}
			return null;
		}
		try {
			LocalDate date = parseDate(value);
			if (date.atStartOfDay(CHINA).toInstant().isAfter(this.now)) {
				this.errors.add(Reason.field(field, "future", "不能晚于今天", "is in the future"));
			}
			// stored as ISO, whatever form it came in: the mappings read ISO
			this.normalised.put(field, date.toString());
			return date;
		}
		catch (DateTimeException ex) {
			this.errors.add(Reason.field(field, "format", "应为日期，如 1950-01-01、1950/01/01 或 19500101",
					"must be a date like 1950-01-01, 1950/01/01 or 19500101"));
			return null;
		}
	}

	Instant time(String field, boolean required) {
		String value = this.fields.get(field);
		if (value == null) {
			if (required) {
				required(field);
			}
			return null;
		}
		try {
			Instant at = parseTime(value);
			if (at.isAfter(this.now)) {
				this.errors.add(Reason.field(field, "future", "不能晚于当前时间", "is in the future"));
			}
			// stored as ISO in Beijing time, whatever form it came in: the mappings read
			// ISO
			this.normalised.put(field, STORED_TIME.format(at.atOffset(BEIJING)));
			return at;
		}
		catch (DateTimeException | ArithmeticException ex) {
			this.errors.add(Reason.field(field, "format",
					"应为时间，如 2026-11-27T03:40:00+08:00、2026-11-27 03:40:00、2026/11/27 03:40 或 20261127034000（不带时区即北京时间）",
					"must be a time like 2026-11-27T03:40:00+08:00, 2026-11-27 03:40:00, 2026/11/27 03:40 or "
							+ "20261127034000 (Beijing time when no offset is given)"));
			return null;
		}
	}

	/**
	 * The time forms partners' systems write: {@code yyyy-MM-dd HH:mm[:ss]} (the most
	 * common in Chinese systems), with {@code T} (ISO), with {@code /} between the date's
	 * parts, or {@code yyyyMMddHHmm[ss]}; seconds may have a fraction; an offset
	 * ({@code +08:00}, {@code +0800}, {@code +08}, {@code Z}, a space before it allowed)
	 * is optional: without one it is Beijing time. Read by hand: this runs for every
	 * record of big files.
	 * @throws DateTimeException when it is none of these, or no real time
	 */
	static Instant parseTime(String value) {
		Cursor c = new Cursor(value);
		int year;
		int month;
		int day;
		int hour;
		int minute;
		int second = 0;
		int nanos = 0;
		if (c.digitsAhead() >= 12) {
			// yyyyMMddHHmm[ss]
			year = c.digits(4, 4);
			month = c.digits(2, 2);
			day = c.digits(2, 2);
			hour = c.digits(2, 2);
			minute = c.digits(2, 2);
			if (c.digitsAhead() == 2) {
				second = c.digits(2, 2);
			}
		}
		else {
			year = c.digits(4, 4);
			char separator = c.next();
			if (separator != '-' && separator != '/') {
				throw new DateTimeException("not a date: " + value);
			}
			month = c.digits(1, 2);
			c.expect(separator);
			day = c.digits(1, 2);
			char between = c.next();
			if (between != 'T' && between != 't' && between != ' ') {
				throw new DateTimeException("no time after the date: " + value);
			}
			hour = c.digits(1, 2);
			c.expect(':');
			minute = c.digits(2, 2);
			if (c.peek() == ':') {
				c.next();
				second = c.digits(2, 2);
				if (c.peek() == '.' || c.peek() == ',') {
					c.next();
					nanos = c.fraction();
				}
			}
		}
		LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
		if (c.peek() == ' ') {
			c.next();
		}
		if (c.atEnd()) {
			return local.atZone(CHINA).toInstant();
		}
		return local.atOffset(c.offset()).toInstant();
	}

	/**
	 * A date as partners write it: {@code yyyy-MM-dd}, {@code yyyy/MM/dd} (months and
	 * days of one digit too) or {@code yyyyMMdd}.
	 */
	static LocalDate parseDate(String value) {
		Cursor c = new Cursor(value);
		LocalDate date;
		if (c.digitsAhead() == 8) {
			date = LocalDate.of(c.digits(4, 4), c.digits(2, 2), c.digits(2, 2));
		}
		else {
			int year = c.digits(4, 4);
			char separator = c.next();
			if (separator != '-' && separator != '/') {
				throw new DateTimeException("not a date: " + value);
			}
			int month = c.digits(1, 2);
			c.expect(separator);
			date = LocalDate.of(year, month, c.digits(1, 2));
		}
		if (!c.atEnd()) {
			throw new DateTimeException("more after the date: " + value);
		}
		return date;
	}

	/** Reads a time's text left to right; every misstep is a DateTimeException. */
	private static final class Cursor {

		private final String text;

		private int at;

		Cursor(String text) {
			this.text = text;
		}

		boolean atEnd() {
			return this.at >= this.text.length();
		}

		char peek() {
			return atEnd() ? '\0' : this.text.charAt(this.at);
		}

		char next() {
			if (atEnd()) {
				throw new DateTimeException("ends early: " + this.text);
			}
			return this.text.charAt(this.at++);
		}

		void expect(char c) {
			if (next() != c) {
				throw new DateTimeException("'" + c + "' expected at " + (this.at - 1) + ": " + this.text);
			}
		}

		int digitsAhead() {
			int n = 0;
			while (this.at + n < this.text.length() && isDigit(this.text.charAt(this.at + n))) {
				n++;
			}
			return n;
		}

		int digits(int min, int max) {
			int n = Math.min(digitsAhead(), max);
			if (n < min) {
				throw new DateTimeException("digits expected at " + this.at + ": " + this.text);
			}
			int value = 0;
			for (int i = 0; i < n; i++) {
				value = value * 10 + (this.text.charAt(this.at++) - '0');
			}
			return value;
		}

		int fraction() {
			int n = digitsAhead();
			if (n < 1 || n > 9) {
				throw new DateTimeException("a fraction of 1 to 9 digits expected: " + this.text);
			}
			int value = digits(n, n);
			for (int i = n; i < 9; i++) {
				value *= 10;
			}
			return value;
		}

		ZoneOffset offset() {
			char sign = next();
			if (sign == 'Z' || sign == 'z') {
				if (!atEnd()) {
					throw new DateTimeException("more after Z: " + this.text);
				}
				return ZoneOffset.UTC;
			}
			if (sign != '+' && sign != '-') {
				throw new DateTimeException("an offset expected: " + this.text);
			}
			int hours = digits(2, 2);
			int minutes = 0;
			if (peek() == ':') {
				next();
				minutes = digits(2, 2);
			}
			else if (!atEnd()) {
				minutes = digits(2, 2);
			}
			if (!atEnd()) {
				throw new DateTimeException("more after the offset: " + this.text);
			}
			int seconds = hours * 3600 + minutes * 60;
			return ZoneOffset.ofTotalSeconds((sign == '-') ? -seconds : seconds);
		}

		private static boolean isDigit(char c) {
			return c >= '0' && c <= '9';
		}

	}

}
