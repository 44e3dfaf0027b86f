package cn.shanxi.lianban.support;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region where the person was first
 * registered, 8-digit birth date, 3-digit serial (odd for men), ISO 7064 MOD 11-2 check
 * character. The region digits say nothing of today's household registration — never
 * decide eligibility on them.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	/**
	 * What is wrong with the number, or {@code null} when it is a valid 18-character ID
	 * number.
	 */
	public static Defect check(String raw) {
		if (raw == null || raw.isEmpty()) {
			return Defect.MISSING;
		}
		String id = normalise(raw);
		if (id.length() != 18) {
			return Defect.LENGTH;
		}
		for (int i = 0; i < 17; i++) {
			if (!isDigit(id.charAt(i))) {
				return Defect.CHARACTERS;
			}
		}
		char last = id.charAt(17);
		if (!isDigit(last) && last != 'X') {
			return Defect.CHARACTERS;
		}
		if (birthDate(id) == null) {
			return Defect.BIRTH_DATE;
		}
		return (checkChar(id) == last) ? null : Defect.CHECK_CHARACTER;
	}

	public static boolean isValid(String raw) {
		return check(raw) == null;
	}

	/**
	 * Drops every space (also inside: {@code 1401 0519 5001 0100 18}, full-width and
	 * no-break spaces too) and upper-cases the check character ({@code x} is accepted,
	 * stored as {@code X}): one person, one way of writing the number, so one case.
	 */
	public static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		StringBuilder out = null;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				if (out == null) {
					out = new StringBuilder(raw.length()).append(raw, 0, i);
				}
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return ((out != null) ? out.toString() : raw).toUpperCase(Locale.ROOT);
	}

	/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
	public static char checkChar(String id) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** The birth date written in the number, or {@code null} if it is not a real date. */
	public static LocalDate birthDate(String id) {
		try {
			int year = Integer.parseInt(id.substring(6, 10));
			if (year < 1850) {
				return null;
			}
			LocalDate date = LocalDate.of(year, Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
			return date.isAfter(LocalDate.now()) ? null : date;
		}
		catch (NumberFormatException | DateTimeException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** Why an ID number is refused; the messages are shown to families and partners. */
	public enum Defect {

		MISSING("id.missing", "身份证号码不能为空", "The ID number is required"),
		LENGTH("id.length", "身份证号码应为18位", "The ID number must have 18 characters"),
		CHARACTERS("id.characters", "身份证号码应为17位数字加1位数字或X", "The ID number must be 17 digits and a digit or X"),
		BIRTH_DATE("id.birthDate", "身份证号码中的出生日期无效", "The birth date in the ID number is not a real date"),
		CHECK_CHARACTER("id.checksum", "身份证号码校验位不正确", "The ID number's check character is wrong");

		public final String code;

		public final String zh;

		public final String en;

		Defect(String code, String zh, String en) {
			this.code = code;
			this.zh = zh;
			this.en = en;
		}

		public FieldError at(String field) {
			return new FieldError(field, this.code, this.zh, this.en);
		}

	}

}
