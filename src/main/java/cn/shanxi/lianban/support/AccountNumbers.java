package cn.shanxi.lianban.support;

/** Bank card and account numbers, and CNAPS bank codes (开户行行号). */
public final class AccountNumbers {

	private AccountNumbers() {
	}

	/** Card and account numbers: digits only, 12 to 30 of them. */
	public static boolean isAccountNumber(String value) {
		return value != null && value.length() >= 12 && value.length() <= 30 && allDigits(value);
	}

	/** CNAPS bank code (开户行行号): exactly 12 digits. */
	public static boolean isBankCode(String value) {
		return value != null && value.length() == 12 && allDigits(value);
	}

	/** UnionPay cards: 16 to 19 digits starting with 62. */
	public static boolean isUnionPayCard(String value) {
		return value != null && value.length() >= 16 && value.length() <= 19 && value.startsWith("62")
				&& allDigits(value);
	}

	/** The Luhn (mod 10) check used on card numbers. Some real UnionPay cards fail it. */
	public static boolean passesLuhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	static boolean allDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return !value.isEmpty();
	}

}
