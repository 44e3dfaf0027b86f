package cn.shanxi.lianban.certificate;

import java.text.Normalizer;

/**
 * Whether the application and the death certificate name the deceased alike. Written the
 * same once the writing's accidents are set aside: spaces, full-width letters, and the
 * several dots that separate the parts of a name (李·买买提, 李•买买提, 李・买买提).
 */
final class DeceasedNames {

	private DeceasedNames() {
	}

	/** A name missing on either side is no contradiction. */
	static boolean same(String application, String certificate) {
		if (application == null || certificate == null) {
			return true;
		}
		return application.equals(certificate) || canonical(application).equals(canonical(certificate));
	}

	static String canonical(String name) {
		String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				continue;
			}
			out.append(switch (c) {
				case '•', '・', '‧', '･', '.', '．' -> '·';
				default -> c;
			});
		}
		return out.toString();
	}

}
