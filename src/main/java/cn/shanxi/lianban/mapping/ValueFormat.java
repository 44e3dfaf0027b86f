package cn.shanxi.lianban.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one field's typed value is written as text and read back: a date pattern, a number
 * pattern, the spelling of true and false. Immutable; the number pattern is cloned per
 * use because {@link DecimalFormat} is not thread-safe.
 */
final class ValueFormat {

	private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX",
			Locale.ROOT);

	private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

	private final FieldType type;

	private final ZoneId zone;

	private final DateTimeFormatter dates;

	private final DecimalFormat numbers;

	private final String trueText;

	private final String falseText;

	/**
	 * @throws IllegalArgumentException when the pattern does not suit the type
	 */
	ValueFormat(FieldType type, String pattern, ZoneId zone) {
		this.type = type;
		this.zone = zone;
		this.dates = type.isTemporal() ? temporalFormat(type, pattern) : null;
		this.numbers = (type.isNumeric() && pattern != null) ? numberFormat(pattern) : null;
		if (type == FieldType.BOOLEAN) {
			String[] parts = ((pattern != null) ? pattern : "true|false").split("\\|", -1);
			if (parts.length != 2 || parts[0].equals(parts[1])) {
				throw new IllegalArgumentException("a BOOLEAN format is 'yes|no' spellings, e.g. '1|0'");
			}
			this.trueText = parts[0];
			this.falseText = parts[1];
		}
		else {
			this.trueText = null;
			this.falseText = null;
		}
		if (type == FieldType.STRING && pattern != null) {
			throw new IllegalArgumentException("a STRING has no format (use pattern: for a regular expression)");
		}
	}

	private static DateTimeFormatter temporalFormat(FieldType type, String pattern) {
		if (pattern == null) {
			return switch (type) {
				case DATE -> DateTimeFormatter.ISO_LOCAL_DATE;
				case TIME -> ISO_TIME;
				default -> ISO_DATE_TIME;
			};
		}
		DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
		Object sample = switch (type) {
			case DATE -> LocalDate.of(2026, 11, 27);
			case TIME -> LocalTime.of(3, 40);
			default -> ZonedDateTime.of(2026, 11, 27, 3, 40, 0, 0, ZoneId.of("Asia/Shanghai"));
		};
		try {
			f.format((java.time.temporal.TemporalAccessor) sample);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("pattern '" + pattern + "' does not suit a " + type);
		}
		return f;
	}

	private static DecimalFormat numberFormat(String pattern) {
		DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
		f.setParseBigDecimal(true);
		f.setRoundingMode(RoundingMode.UNNECESSARY);
		return f;
	}

	/** A context value (text, number, boolean) as this type. */
	Object fromContext(JsonNode v) {
		String s = v.isTextual() ? v.textValue() : null;
		try {
			return switch (this.type) {
				case STRING -> (s != null) ? s : (v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText());
				case INTEGER -> v.isIntegralNumber() ? (Object) v.longValue() : Long.parseLong(text(v, s));
				case DECIMAL -> v.isNumber() ? v.decimalValue() : new BigDecimal(text(v, s));
				case DATE -> Temporals.date(Temporals.read(text(v, s), this.zone));
				case DATETIME -> Temporals.dateTime(Temporals.read(text(v, s), this.zone));
				case TIME -> Temporals.time(Temporals.read(text(v, s), this.zone));
				case BOOLEAN -> v.isBoolean() ? v.booleanValue() : booleanOf(text(v, s));
			};
		}
		catch (NumberFormatException ex) {
			throw bad(v.asText());
		}
	}

	private String text(JsonNode v, String s) {
		if (s == null && !v.isNumber()) {
			throw bad(v.toString());
		}
		return (s != null) ? s : v.asText();
	}

	private Boolean booleanOf(String s) {
		if ("true".equals(s)) {
			return Boolean.TRUE;
		}
		if ("false".equals(s)) {
			return Boolean.FALSE;
		}
		throw bad(s);
	}

	/** The typed value as written in the message. */
	String write(Object value) {
		try {
			return switch (this.type) {
				case STRING -> (String) value;
				case INTEGER, DECIMAL -> writeNumber(value);
				case DATE, DATETIME, TIME -> this.dates.format((java.time.temporal.TemporalAccessor) value);
				case BOOLEAN -> ((Boolean) value) ? this.trueText : this.falseText;
			};
		}
		catch (ArithmeticException ex) {
			throw new MappingException(MappingException.BAD_VALUE, "数值 " + value + " 按格式书写会丢失精度",
					"number " + value + " would lose precision in its format");
		}
	}

	private String writeNumber(Object value) {
		if (this.numbers != null) {
			return ((DecimalFormat) this.numbers.clone()).format(value);
		}
		return (value instanceof BigDecimal d) ? d.toPlainString() : value.toString();
	}

	/** Text as written in a message → the typed value. */
	Object read(String s) {
		try {
			return switch (this.type) {
				case STRING -> s;
				case INTEGER -> readNumber(s).longValueExact();
				case DECIMAL -> readNumber(s);
				case DATE -> LocalDate.parse(s, this.dates);
				case DATETIME -> readDateTime(s);
				case TIME -> LocalTime.parse(s, this.dates);
				case BOOLEAN -> readBoolean(s);
			};
		}
		catch (DateTimeException | ArithmeticException | NumberFormatException ex) {
			throw bad(s);
		}
	}

	private ZonedDateTime readDateTime(String s) {
		java.time.temporal.TemporalAccessor t = this.dates.parse(s);
		ZoneId z = t.query(java.time.temporal.TemporalQueries.zone());
		return java.time.LocalDateTime.from(t).atZone((z != null) ? z : this.zone).withZoneSameInstant(this.zone);
	}

	private BigDecimal readNumber(String s) {
		if (this.numbers == null) {
			return new BigDecimal(s);
		}
		ParsePosition at = new ParsePosition(0);
		Number n = ((DecimalFormat) this.numbers.clone()).parse(s, at);
		if (n == null || at.getIndex() != s.length()) {
			throw bad(s);
		}
		return (BigDecimal) n;
	}

	private Boolean readBoolean(String s) {
		if (this.trueText.equals(s)) {
			return Boolean.TRUE;
		}
		if (this.falseText.equals(s)) {
			return Boolean.FALSE;
		}
		throw bad(s);
	}

	/** A date, date-time or time as ISO text, the way the context carries them. */
	static String iso(Object value) {
		if (value instanceof ZonedDateTime z) {
			return ISO_DATE_TIME.format(z);
		}
		if (value instanceof LocalTime t) {
			return ISO_TIME.format(t);
		}
		return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
	}

	/** Whether the JSON form of this value is text (a pattern makes it text). */
	boolean writesText() {
		return switch (this.type) {
			case STRING, DATE, DATETIME, TIME -> true;
			case INTEGER, DECIMAL -> this.numbers != null;
			case BOOLEAN -> !("true".equals(this.trueText) && "false".equals(this.falseText));
		};
	}

	FieldType type() {
		return this.type;
	}

	ZoneId zone() {
		return this.zone;
	}

	private MappingException bad(String s) {
		return new MappingException(MappingException.BAD_VALUE, "'" + s + "' 不是合法的" + zh(this.type),
				"'" + s + "' is not a valid " + this.type.name().toLowerCase(Locale.ROOT));
	}

	private static String zh(FieldType t) {
		return switch (t) {
			case STRING -> "文本";
			case INTEGER -> "整数";
			case DECIMAL -> "数值";
			case DATE -> "日期";
			case DATETIME -> "日期时间";
			case TIME -> "时间";
			case BOOLEAN -> "是否值";
		};
	}

}
