package cn.shanxi.lianban.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A case's access code (查询码): 8 characters the family is given in the 201 answer and by
 * SMS, to follow the case on another channel. No 0/O, 1/I/L: read aloud and typed from a
 * phone without doubt. 31⁸ ≈ 8.5·10¹¹ codes, asked together with the applicant's ID
 * number and behind the rate limits. Stored only as its SHA-256.
 */
public final class AccessCodes {

	private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private AccessCodes() {
	}

	/** A new code, written {@code XXXX-XXXX}. */
	public static String newCode() {
		StringBuilder code = new StringBuilder(9);
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	/**
	 * The digest a code is kept as; case, spaces and dashes do not count. {@code null}
	 * for no code.
	 */
	public static String sha256(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String normal = code.replaceAll("[\\s-]", "").toUpperCase();
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
