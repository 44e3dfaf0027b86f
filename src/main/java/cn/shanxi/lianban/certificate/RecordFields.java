package cn.shanxi.lianban.certificate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a partner record may carry, by dotted name — the same names in CSV headers,
 * XML elements and JSON (CONTRACT.md, certificate.example.json). A name not listed here
 * is refused: partner input never chooses what we store.
 */
final class RecordFields {

	static final String KIND = "kind";

	static final String ACTION = "action";

	/** In this order the stored record is written, so equal content hashes equal. */
	static final List<String> ALL = List.of(KIND, ACTION, "certificateNo", "version", "voidReason", "deceased.name",
			"deceased.sex", "deceased.ethnicity", "deceased.idType", "deceased.idNumber", "deceased.birthDate",
			"deceased.maritalStatus", "deceased.occupation", "deceased.householdAddress",
			"deceased.householdRegionCode", "deceased.usualAddress", "death.time", "death.placeCategory", "death.place",
			"death.regionCode", "causes.a", "causes.b", "causes.c", "causes.d", "causes.underlyingIcd10",
			"relative.name", "relative.phone", "issuer.institutionName", "issuer.institutionCode", "issuer.doctor",
			"issuer.issuedAt", "police.unitName", "police.unitCode", "crematedAt", "funeralHome.name",
			"funeralHome.code", "deathCertificateNo");

	static final Set<String> KNOWN = Set.copyOf(ALL);

	/** The times on a record: read in the partners' usual forms, stored as ISO. */
	static final List<String> TIMES = List.of("death.time", "issuer.issuedAt", "crematedAt");

	static final String BIRTH_DATE = "deceased.birthDate";

	/** The fields naming who issued the record: the sending partner itself. */
	static final List<String> ISSUER_CODES = List.of("issuer.institutionCode", "funeralHome.code");

	/** Names of people: as on the application form. */
	private static final Set<String> NAMES_OF_PEOPLE = Set.of("deceased.name", "relative.name", "issuer.doctor");

	/**
	 * The longest value a field may have, in characters: 50 for a person's name (as the
	 * form), 500 for a void's reason, 200 for any other text (addresses, causes,
	 * institutions; codes and numbers have shapes of their own, checked besides).
	 */
	static int maxLength(String field) {
		if (NAMES_OF_PEOPLE.contains(field)) {
			return 50;
		}
		return "voidReason".equals(field) ? 500 : 200;
	}

	// the names taken apart once, not for every record
	private static final String[] NAMES = ALL.toArray(String[]::new);

	private static final String[] PREFIXES = new String[NAMES.length];

	private static final String[] KEYS = new String[NAMES.length];

	private static final int ACTION_AT = ALL.indexOf(ACTION);

	static {
		for (int i = 0; i < NAMES.length; i++) {
			int dot = NAMES[i].indexOf('.');
			PREFIXES[i] = (dot < 0) ? null : NAMES[i].substring(0, dot);
			KEYS[i] = '"' + NAMES[i].substring(dot + 1) + "\":";
		}
	}

	private RecordFields() {
	}

	/**
	 * The record as nested JSON in {@link #ALL} order, without {@code action} (an UPDATE
	 * that repeats the SUBMIT is the same content). Written by hand: it runs once per
	 * record of files of 100,000.
	 */
	static String toJson(Map<String, String> fields) {
		StringBuilder out = new StringBuilder(1024).append('{');
		String group = null;
		for (int i = 0; i < NAMES.length; i++) {
			String value = fields.get(NAMES[i]);
			if (value == null || i == ACTION_AT) {
				continue;
			}
			String prefix = PREFIXES[i];
			if (group != null && !group.equals(prefix)) {
				out.append('}');
				group = null;
			}
			if (out.length() > 1 && out.charAt(out.length() - 1) != '{') {
				out.append(',');
			}
			if (prefix != null && group == null) {
				out.append('"').append(prefix).append("\":{");
				group = prefix;
			}
			out.append(KEYS[i]);
			string(out, value);
		}
		if (group != null) {
			out.append('}');
		}
		return out.append('}').toString();
	}

	private static StringBuilder string(StringBuilder out, String value) {
		out.append('"');
		int plain = 0;
		while (plain < value.length() && value.charAt(plain) >= 0x20 && value.charAt(plain) != '"'
				&& value.charAt(plain) != '\\') {
			plain++;
		}
		if (plain == value.length()) {
			return out.append(value).append('"');
		}
		out.append(value, 0, plain);
		for (int i = plain; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"');
	}

}
