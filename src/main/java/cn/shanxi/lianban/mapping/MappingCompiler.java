package cn.shanxi.lianban.mapping;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a mapping file as a whole — id, format, charset, options, sections — and
 * compiles it. Problems are collected, not thrown one at a time, so an engineer sees
 * every mistake of a file at once.
 */
final class MappingCompiler {

	/**
	 * The charsets the agencies use; all stateless, so a field can be cut per character.
	 */
	static final Set<String> CHARSETS = Set.of("GB18030", "GBK", "UTF-8");

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private MappingCompiler() {
	}

	/**
	 * @return the compiled mapping, or {@code null} when {@code problems} grew
	 */
	static CompiledMapping compile(MappingFile m, String expectedId, Map<String, CodeTable> codes,
			List<String> problems) {
		int before = problems.size();
		if (m.id() == null || !m.id().equals(expectedId)) {
			problems.add("id: must be '" + expectedId + "', the file's name");
		}
		if (m.title() == null || m.title().isBlank()) {
			problems.add("title: required (what the message is, Chinese / English)");
		}
		if (m.format() == null) {
			problems.add("format: required (FIXED_WIDTH, CSV, XML, JSON, ROWS)");
			return null;
		}
		Format format = m.format();
		Charset charset = charset(m, problems);
		ZoneId zone = zone(m, problems);
		checkOptions(m, problems);
		Expression fileName = null;
		if (m.fileName() != null) {
			try {
				fileName = ExpressionParser.parse(m.fileName());
			}
			catch (IllegalArgumentException ex) {
				problems.add("fileName: " + ex.getMessage());
			}
		}
		if (charset == null || problems.size() > before) {
			return null;
		}
		FieldCompiler fields = new FieldCompiler(format, charset, zone,
				(m.unencodable() != null) ? m.unencodable() : Unencodable.FAIL, m.substitute(), codes);
		List<CompiledField> body = section("fields", m.fields(), true, fields, problems);
		List<CompiledField> header = section("header", m.header(), false, fields, problems);
		List<CompiledField> trailer = section("trailer", m.trailer(), false, fields, problems);
		if (m.fields() == null || m.fields().isEmpty()) {
			problems.add("fields: at least one field is needed");
		}
		checkBatchReferences(format, header, body, trailer, problems);
		if (problems.size() > before) {
			return null;
		}
		CompiledMapping compiled = new CompiledMapping(m.id(), m.title(), m.agency(), m.direction(), format, charset,
				zone, fileName, MappingDefaults.fixedWidth(m), MappingDefaults.csv(m), MappingDefaults.xml(m),
				MappingDefaults.json(m), header, body, trailer);
		if (format == Format.JSON && compiled.json().style() == MappingFile.JsonStyle.ENVELOPE) {
			Set<String> names = new HashSet<>(header.stream().map(CompiledField::name).toList());
			if (!names.contains("transactionCode") || !names.contains("messageId")) {
				problems.add("header: an ENVELOPE has at least transactionCode and messageId");
			}
		}
		return (problems.size() > before) ? null : compiled;
	}

	private static Charset charset(MappingFile m, List<String> problems) {
		String name = m.charset();
		if (name == null) {
			if (m.format() == Format.FIXED_WIDTH || m.format() == Format.CSV) {
				problems.add("charset: required for " + m.format() + " (GB18030, GBK or UTF-8)");
				return null;
			}
			name = "UTF-8";
		}
		if (!CHARSETS.contains(name)) {
			problems.add("charset: '" + name + "' is not one of GB18030, GBK, UTF-8");
			return null;
		}
		return Charset.forName(name);
	}

	private static ZoneId zone(MappingFile m, List<String> problems) {
		try {
			return (m.zone() != null) ? ZoneId.of(m.zone()) : BEIJING;
		}
		catch (DateTimeException ex) {
			problems.add("zone: '" + m.zone() + "' is not a time zone");
			return BEIJING;
		}
	}

	private static void checkOptions(MappingFile m, List<String> problems) {
		Format f = m.format();
		option(m.fixedWidth() != null, f == Format.FIXED_WIDTH, "fixedWidth", f, problems);
		option(m.csv() != null, f == Format.CSV, "csv", f, problems);
		option(m.xml() != null, f == Format.XML, "xml", f, problems);
		option(m.json() != null, f == Format.JSON, "json", f, problems);
		option(m.rows() != null, f == Format.ROWS, "rows", f, problems);
		boolean envelope = f == Format.JSON && m.json() != null && m.json().style() == MappingFile.JsonStyle.ENVELOPE;
		if (m.header() != null && !m.header().isEmpty() && f != Format.FIXED_WIDTH && !envelope) {
			problems.add("header: only for FIXED_WIDTH and JSON ENVELOPE");
		}
		if (m.trailer() != null && !m.trailer().isEmpty() && f != Format.FIXED_WIDTH) {
			problems.add("trailer: only for FIXED_WIDTH");
		}
		if (f == Format.XML && (m.xml() == null || m.xml().root() == null)) {
			problems.add("xml.root: required (the root element's name)");
		}
		if (m.csv() != null && ((m.csv().delimiter() != null && m.csv().delimiter().length() != 1)
				|| (m.csv().quote() != null && m.csv().quote().length() != 1))) {
			problems.add("csv: delimiter and quote are one character each");
		}
		if (m.xml() != null && m.xml().indent() != null && (m.xml().indent() < 0 || m.xml().indent() > 8)) {
			problems.add("xml.indent: 0 to 8 spaces");
		}
	}

	private static void option(boolean given, boolean fits, String name, Format f, List<String> problems) {
		if (given && !fits) {
			problems.add(name + ": does not apply to format " + f);
		}
	}

	private static List<CompiledField> section(String name, List<MappingFile.FieldSpec> specs, boolean body,
			FieldCompiler compiler, List<String> problems) {
		List<CompiledField> out = new ArrayList<>();
		Set<String> names = new HashSet<>();
		if (specs == null) {
			return out;
		}
		for (int i = 0; i < specs.size(); i++) {
			MappingFile.FieldSpec spec = specs.get(i);
			String where = name + "[" + i + "]" + ((spec.name() != null) ? " (" + spec.name() + ")" : "");
			if (spec.name() != null && !names.add(spec.name())) {
				problems.add(where + ": name used twice in " + name);
			}
			CompiledField f = compiler.compile(spec, where, body, problems);
			if (f != null) {
				out.add(f);
			}
		}
		return List.copyOf(out);
	}

	/**
	 * A fixed-width header or trailer is written from the batch alone, and
	 * {@code batch.totals.X} needs a body field X marked {@code total: true}.
	 */
	private static void checkBatchReferences(Format format, List<CompiledField> header, List<CompiledField> body,
			List<CompiledField> trailer, List<String> problems) {
		Set<String> totals = new HashSet<>();
		body.stream().filter(CompiledField::total).forEach((f) -> totals.add(f.name()));
		List<CompiledField> edges = new ArrayList<>(header);
		edges.addAll(trailer);
		for (CompiledField f : edges) {
			for (String path : Paths.of(f.source())) {
				if (format == Format.FIXED_WIDTH && !path.startsWith("batch.")) {
					problems.add("header or trailer field " + f.name() + ": reads only batch.*, not " + path);
				}
				if (path.startsWith("batch.totals.") && !totals.contains(path.substring("batch.totals.".length()))) {
					problems.add("header or trailer field " + f.name() + ": " + path
							+ " needs a body field of that name with total: true");
				}
			}
		}
	}

}
