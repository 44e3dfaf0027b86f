package cn.shanxi.lianban.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * Reads the ISO dates and times found in the context ({@code 2026-11-27},
 * {@code 2026-11-27T03:40:00+08:00}) and brings them into the agency's time zone, so a
 * death at 03:40 Beijing time is dated the 27th even when it arrived in UTC.
 */
final class Temporals {

	private Temporals() {
	}

	/**
	 * @return a ZonedDateTime in {@code zone}, a LocalDate or a LocalTime
	 */
	static Temporal read(String text, ZoneId zone) {
		try {
			if (text.length() > 10 && text.charAt(10) == ' ' && text.charAt(4) == '-') {
				// yyyy-MM-dd HH:mm:ss, as certificates were stored before the hub
				// normalised their times to ISO
				text = text.substring(0, 10) + 'T' + text.substring(11);
			}
			if (text.length() > 10 && text.charAt(10) == 'T') {
				char last = text.charAt(text.length() - 1);
				boolean offset = last == 'Z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10;
				return offset ? OffsetDateTime.parse(text).atZoneSameInstant(zone)
						: LocalDateTime.parse(text).atZone(zone);
			}
			if (text.length() == 10 && text.charAt(4) == '-') {
				return LocalDate.parse(text);
			}
			return LocalTime.parse(text);
		}
		catch (DateTimeException ex) {
			throw new MappingException(MappingException.BAD_VALUE, "不是 ISO 日期或时间: " + text,
					"not an ISO date or time: " + text);
		}
	}

	static LocalDate date(Temporal t) {
		if (t instanceof ZonedDateTime z) {
			return z.toLocalDate();
		}
		if (t instanceof LocalDate d) {
			return d;
		}
		throw notA("日期", "date", t);
	}

	static ZonedDateTime dateTime(Temporal t) {
		if (t instanceof ZonedDateTime z) {
			return z;
		}
		throw notA("日期时间", "date and time", t);
	}

	static LocalTime time(Temporal t) {
		if (t instanceof ZonedDateTime z) {
			return z.toLocalTime();
		}
		if (t instanceof LocalTime lt) {
			return lt;
		}
		throw notA("时间", "time", t);
	}

	private static MappingException notA(String zh, String en, Temporal t) {
		return new MappingException(MappingException.BAD_VALUE, "需要" + zh + ", 得到 " + t,
				"a " + en + " is needed, got " + t);
	}

}
