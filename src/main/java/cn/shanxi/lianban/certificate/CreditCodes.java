package cn.shanxi.lianban.certificate;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
 * alphabet, the last one a MOD 31 check character.
 */
final class CreditCodes {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCodes() {
	}

	/**
	 * 18 characters of the code's alphabet. The check character is not enforced: sample
	 * data (the contract's own example) carries made-up codes, and a wrong check
	 * character on the issuer's code is no reason to lose a death certificate.
	 */
	static boolean hasShape(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return true;
	}

	/** The MOD 31 check character is right. */
	static boolean passesCheck(String code) {
		if (!hasShape(code)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = ALPHABET.indexOf(code.charAt(i));
			if (v < 0) {
				return false;
			}
			sum += v * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return code.charAt(17) == ALPHABET.charAt(check);
	}

}
