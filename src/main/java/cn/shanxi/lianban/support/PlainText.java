package cn.shanxi.lianban.support;

/**
 * What a text field from outside may hold: visible characters and spaces on one line.
 * Refused are control characters (NUL, ESC, BEL, tab, line breaks: Unicode Cc), invisible
 * format characters (bidi overrides and isolates, zero-width characters, the BOM, soft
 * hyphens: Cf), line and paragraph separators, and halves of a character (an unpaired
 * surrogate). Such a character cannot be stored (PostgreSQL refuses NUL in text and
 * jsonb), cannot be rendered into an agency's fixed-width or CSV record, or shows a
 * reader something else than what is stored (a bidi override reverses a name).
 * Private-use characters stay allowed: some systems write rare characters of names (生僻字)
 * there.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * The index (in chars) of the first character that is not plain text, or -1 when
	 * there is none. One pass over the chars, no allocation: it runs for every field of
	 * every application and every certificate record.
	 */
	public static int firstForbidden(CharSequence text) {
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7F) {
				continue; // printable ASCII: the common case
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
					if (forbidden(Character.toCodePoint(c, text.charAt(i + 1)))) {
						return i;
					}
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c) || forbidden(c)) {
				return i;
			}
		}
		return -1;
	}

	/** Whether the text is plain (see the class comment); {@code null} is. */
	public static boolean isPlain(CharSequence text) {
		return text == null || firstForbidden(text) < 0;
	}

	private static boolean forbidden(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

	/**
	 * The character at {@code index} as {@code U+0000} for a message (the character
	 * itself would be invisible, or worse).
	 */
	public static String describe(CharSequence text, int index) {
		// a lone surrogate comes out as itself, U+D800…U+DFFF
		return String.format("U+%04X", Character.codePointAt(text, index));
	}

	/** The field error for a text that is not plain, in Chinese and English. */
	public static FieldError error(String field, CharSequence text, int index) {
		String at = describe(text, index);
		int position = Character.codePointCount(text, 0, index) + 1;
		return new FieldError(field, "text.controlCharacter",
				field + " 含有控制字符或不可见的格式字符（第" + position + "个字符 " + at + "），请删除后重新提交",
				field + " contains a control or invisible formatting character (" + at + " at character " + position
						+ "): remove it and submit again");
	}

	/**
	 * The text as it may be quoted back (in a receipt, a log line): each character that
	 * is not plain written as {@code U+0000}, cut after {@code max} characters.
	 */
	public static String visible(String text, int max) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length() && out.length() < max;) {
			int rest = firstForbidden(text.substring(i));
			if (rest < 0) {
				out.append(text, i, text.length());
				break;
			}
			out.append(text, i, i + rest).append(describe(text, i + rest));
			i += rest + Character.charCount(Character.codePointAt(text, i + rest));
		}
		return (out.length() > max) ? out.substring(0, max) + "…" : out.toString();
	}

	/**
	 * The length in characters as people count them (a character outside the BMP, as many
	 * rare name characters are, is one).
	 */
	public static int length(CharSequence text) {
		return Character.codePointCount(text, 0, text.length());
	}

}
