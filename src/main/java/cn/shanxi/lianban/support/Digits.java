package cn.shanxi.lianban.support;

/**
 * Zero-padded numbers for file names, message ids and references, as
 * {@code String.format("%08d", n)} writes them — without {@link java.util.Formatter},
 * which parses its pattern and looks up the locale's digits at every call (a twentieth of
 * a dispatching thread's time when each rendered item named its file that way).
 */
public final class Digits {

	private Digits() {
	}

	/**
	 * {@code value} in at least {@code width} digits, zeros in front.
	 * @throws IllegalArgumentException for a negative value: ids and serials never are
	 */
	public static String zeroPadded(long value, int width) {
		if (value < 0) {
			throw new IllegalArgumentException("a negative number has no zero-padded form: " + value);
		}
		String digits = Long.toString(value);
		if (digits.length() >= width) {
			return digits;
		}
		StringBuilder padded = new StringBuilder(width);
		for (int i = digits.length(); i < width; i++) {
			padded.append('0');
		}
		return padded.append(digits).toString();
	}

}
