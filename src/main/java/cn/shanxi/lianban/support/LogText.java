package cn.shanxi.lianban.support;

/**
 * Text from outside — a file name, a user name, a value a partner sent — made safe for a
 * log line: control characters (CR and LF above all, which would let the text forge log
 * lines of its own), line separators and bidirectional overrides are written as escapes
 * ({@code \r}, {@code \n}, {@code \u202E}), and personal numbers are masked.
 */
public final class LogText {

	private LogText() {
	}

	public static String of(Object value) {
		if (value == null) {
			return "null";
		}
		String text = value.toString();
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String escape = escape(c);
			if (escape != null && out == null) {
				out = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (out != null) {
				out.append((escape != null) ? escape : String.valueOf(c));
			}
		}
		return Masking.maskAll((out != null) ? out.toString() : text);
	}

	/** Whether {@link #of} would escape anything in the text. */
	public static boolean escapes(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (escape(text.charAt(i)) != null) {
				return true;
			}
		}
		return false;
	}

	private static String escape(char c) {
		switch (c) {
			case '\r':
				return "\\r";
			case '\n':
				return "\\n";
			case '\t':
				return "\\t";
			default:
				break;
		}
		boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
		boolean layout = c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
				|| (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
		return (control || layout) ? String.format("\\u%04X", (int) c) : null;
	}

}
