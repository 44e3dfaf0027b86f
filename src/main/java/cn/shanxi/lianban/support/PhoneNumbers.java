package cn.shanxi.lianban.support;

import java.util.regex.Pattern;

/**
 * Mainland phone numbers: mobiles ({@code 1[3-9]} + 9 digits) and landlines (area code +
 * number).
 */
public final class PhoneNumbers {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	/**
	 * {@code 0351-1234567}, {@code 03511234567}, {@code 010-12345678}, with an optional
	 * extension.
	 */
	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?[2-9]\\d{6,7}(-\\d{1,6})?");

	private PhoneNumbers() {
	}

	public static boolean isValid(String value) {
		if (value == null) {
			return false;
		}
		String v = value.trim();
		if (v.startsWith("+86")) {
			v = v.substring(3).trim();
		}
		return MOBILE.matcher(v).matches() || LANDLINE.matcher(v).matches();
	}

}
