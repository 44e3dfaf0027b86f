package cn.shanxi.lianban.support;

import java.util.List;

/**
 * Query parameters read as text and checked, so that a wrong one is a field error naming
 * it (422), in Chinese and English, not a 400 from the framework.
 */
public final class QueryParameters {

	private QueryParameters() {
	}

	/**
	 * The whole number {@code text} holds, from {@code min} to {@code max}; otherwise an
	 * error is added and {@code min} returned.
	 */
	public static int wholeNumber(String text, String field, int min, int max, List<FieldError> errors) {
		try {
			int n = Integer.parseInt(text.trim());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new FieldError(field, field + ".range", field + " 应为 " + min + " 至 " + max + " 的整数",
				field + " must be a whole number from " + min + " to " + max));
		return min;
	}

}
