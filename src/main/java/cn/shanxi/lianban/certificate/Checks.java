package cn.shanxi.lianban.certificate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
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
	 * {@code 2026-11-27T03:40:00+08:00}, or without the offset (Beijing time), or with a
	 * space.
	 */
	private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.appendValue(ChronoField.HOUR_OF_DAY, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.optionalStart()
		.appendLiteral(':')
		.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalEnd()
		.optionalStart()
		.appendOffsetId()
		.optionalEnd()
		.toFormatter();

	final Map<String, String> fields;

	final List<Reason> errors;

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
		return IdNumbers.normalise(value);
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
			LocalDate date = LocalDate.parse(value);
			if (date.atStartOfDay(CHINA).toInstant().isAfter(this.now)) {
				this.errors.add(Reason.field(field, "future", "不能晚于今天", "is in the future"));
			}
			return date;
		}
		catch (DateTimeException ex) {
			this.errors.add(Reason.field(field, "format", "应为日期，如 1950-01-01", "must be a date like 1950-01-01"));
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
			return at;
		}
		catch (DateTimeException ex) {
			this.errors.add(Reason.field(field, "format", "应为时间，如 2026-11-27T03:40:00+08:00",
					"must be a time like 2026-11-27T03:40:00+08:00"));
			return null;
		}
	}

	/**
	 * {@code yyyy-MM-dd HH:mm[:ss]} or with {@code T}, optionally with an offset; without
	 * one it is Beijing time. The common shapes are read by hand (this runs for every
	 * record of big files), anything else by the formatter.
	 */
	static Instant parseTime(String value) {
		int n = value.length();
		if (n >= 16 && value.charAt(4) == '-' && value.charAt(7) == '-'
				&& (value.charAt(10) == 'T' || value.charAt(10) == ' ') && value.charAt(13) == ':') {
			int end = 16;
			int second = 0;
			if (n >= 19 && value.charAt(16) == ':') {
				second = digits(value, 17, 19);
				end = 19;
			}
			LocalDateTime local = LocalDateTime.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10),
					digits(value, 11, 13), digits(value, 14, 16), second);
			if (end == n) {
				return local.atZone(CHINA).toInstant();
			}
			return local.atOffset(java.time.ZoneOffset.of(value.substring(end))).toInstant();
		}
		var parsed = TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
		return (parsed instanceof OffsetDateTime odt) ? odt.toInstant()
				: ((LocalDateTime) parsed).atZone(CHINA).toInstant();
	}

	private static int digits(String value, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				throw new DateTimeException("not a digit at " + i);
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

}
