package cn.shanxi.lianban.certificate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

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

	private static final JsonFactory JSON = new JsonFactory();

	private RecordFields() {
	}

	/**
	 * The record as nested JSON in {@link #ALL} order, without {@code action} (an UPDATE
	 * that repeats the SUBMIT is the same content).
	 */
	static String toJson(Map<String, String> fields) {
		StringWriter out = new StringWriter(768);
		try (JsonGenerator g = JSON.createGenerator(out)) {
			g.writeStartObject();
			String group = null;
			for (String name : ALL) {
				String value = fields.get(name);
				if (value == null || name.equals(ACTION)) {
					continue;
				}
				int dot = name.indexOf('.');
				String prefix = (dot < 0) ? null : name.substring(0, dot);
				if (group != null && !group.equals(prefix)) {
					g.writeEndObject();
					group = null;
				}
				if (prefix != null && group == null) {
					g.writeObjectFieldStart(prefix);
					group = prefix;
				}
				g.writeStringField((dot < 0) ? name : name.substring(dot + 1), value);
			}
			if (group != null) {
				g.writeEndObject();
			}
			g.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
