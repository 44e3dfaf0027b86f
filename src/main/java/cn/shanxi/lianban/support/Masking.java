package cn.shanxi.lianban.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal numbers — ID numbers, phone numbers, bank and account numbers — for logs
 * and for answers that echo them: {@code 140105195001010018} becomes
 * {@code 1401**********0018}.
 */
public final class Masking {

	/**
	 * Runs of 11 to 30 digits (an ID's last character may be X): phones, IDs, cards,
	 * accounts.
	 */
	private static final Pattern PERSONAL_NUMBER = Pattern
		.compile("(?<![0-9A-Za-z])(\\d{10,29}[\\dXx])(?![0-9A-Za-z])");

	private Masking() {
	}

	/**
	 * Keeps the first 4 and last 4 characters (first 3 and last 4 of an 11-digit phone).
	 */
	public static String mask(String value) {
		if (value == null) {
			return null;
		}
		int n = value.length();
		if (n <= 8) {
			return "*".repeat(n);
		}
		int head = (n == 11) ? 3 : 4;
		return value.substring(0, head) + "*".repeat(n - head - 4) + value.substring(n - 4);
	}

	/** Masks every personal number found in free text, such as a log line. */
	public static String maskAll(String text) {
		if (text == null || text.length() < 11) {
			return text;
		}
		Matcher m = PERSONAL_NUMBER.matcher(text);
		if (!m.find()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		do {
			m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group(1))));
		}
		while (m.find());
		m.appendTail(out);
		return out.toString();
	}

}
