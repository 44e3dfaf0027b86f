package cn.shanxi.lianban.mapping;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Checks one field of a mapping file and compiles it. Every mistake is told as a problem
 * that names the field, so an engineer finds it without reading Java.
 */
final class FieldCompiler {

	private final Format format;

	private final Charset charset;

	private final ZoneId zone;

	private final Unencodable unencodable;

	private final String substitute;

	private final Map<String, CodeTable> codes;

	FieldCompiler(Format format, Charset charset, ZoneId zone, Unencodable unencodable, String substitute,
			Map<String, CodeTable> codes) {
		this.format = format;
		this.charset = charset;
		this.zone = zone;
		this.unencodable = unencodable;
		this.substitute = substitute;
		this.codes = codes;
	}

	/**
	 * @param where e.g. {@code fields[3] (XM)}, the prefix of each problem
	 * @return the compiled field, or {@code null} when it has problems
	 */
	CompiledField compile(MappingFile.FieldSpec f, String where, boolean body, List<String> problems) {
		List<String> mine = new ArrayList<>();
		if (f.name() == null || f.name().isBlank()) {
			mine.add("name: required");
		}
		if (f.title() == null || f.title().isBlank()) {
			mine.add("title: required (what the field is, Chinese / English)");
		}
		if (f.type() == null) {
			mine.add("type: required (STRING, INTEGER, DECIMAL, DATE, DATETIME, TIME, BOOLEAN)");
		}
		if ((f.source() == null) == (f.constant() == null)) {
			mine.add("exactly one of source and constant is needed");
		}
		if (f.source() != null && f.example() == null) {
			mine.add(
					"example: required (a value as the agency sees it; it is checked against type, pattern and width)");
		}
		Expression source = null;
		if (f.source() != null) {
			try {
				source = ExpressionParser.parse(f.source());
			}
			catch (IllegalArgumentException ex) {
				mine.add("source: " + ex.getMessage());
			}
		}
		CodeTable code = null;
		if (f.code() != null) {
			code = this.codes.get(f.code());
			if (code == null) {
				mine.add("code: unknown code table '" + f.code() + "' (no mappings/codes/" + f.code() + ".yaml)");
			}
			if (f.constant() != null) {
				mine.add("code: a constant is already the agency's code; drop one of them");
			}
			if (f.type() != null && f.type() != FieldType.STRING) {
				mine.add("code: a coded field has type STRING");
			}
		}
		ValueFormat valueFormat = null;
		if (f.type() != null) {
			try {
				valueFormat = new ValueFormat(f.type(), f.format(), this.zone);
			}
			catch (IllegalArgumentException ex) {
				mine.add("format: " + ex.getMessage());
			}
		}
		checkLayout(f, body, mine);
		Pattern pattern = null;
		if (f.pattern() != null) {
			try {
				pattern = Pattern.compile(f.pattern());
			}
			catch (PatternSyntaxException ex) {
				mine.add("pattern: not a regular expression: " + ex.getDescription());
			}
		}
		Unencodable policy = (f.unencodable() != null) ? f.unencodable() : this.unencodable;
		String sub = (f.substitute() != null) ? f.substitute() : this.substitute;
		if (policy == Unencodable.SUBSTITUTE) {
			if (sub == null || sub.isEmpty()) {
				mine.add("substitute: required with unencodable: SUBSTITUTE");
			}
			else if (!this.charset.newEncoder().canEncode(sub) || sub.chars().anyMatch((c) -> c < 0x20)) {
				mine.add("substitute: '" + sub + "' cannot be written in " + this.charset.name());
			}
		}
		if (!mine.isEmpty() || valueFormat == null) {
			mine.forEach((p) -> problems.add(where + ": " + p));
			return null;
		}
		Align align = (f.align() != null) ? f.align() : (f.type().isNumeric() ? Align.RIGHT : Align.LEFT);
		char pad = (f.pad() != null) ? f.pad().charAt(0) : (f.type().isNumeric() ? '0' : ' ');
		Object constant = null;
		CompiledField draft = new CompiledField(f.name(), valueFormat, source, null, f.defaultValue(), code, f.width(),
				align, pad, (f.overflow() != null) ? f.overflow() : Overflow.FAIL, policy, sub, pattern,
				Boolean.TRUE.equals(f.required()), Boolean.TRUE.equals(f.total()), Boolean.TRUE.equals(f.personal()));
		try {
			if (f.constant() != null) {
				constant = valueFormat.read(f.constant());
				fits(draft, draft.write(constant));
			}
			if (f.example() != null) {
				Object example = draft.read(f.example());
				fits(draft, (code != null) ? f.example() : draft.write(example));
			}
			if (f.defaultValue() != null) {
				Object d = (code != null) ? code.code(f.defaultValue())
						: valueFormat.fromContext(TextNode.valueOf(f.defaultValue()));
				fits(draft, draft.write(d));
			}
		}
		catch (MappingException ex) {
			problems.add(where + ": constant, example or default: " + ex.messageEn());
			return null;
		}
		return new CompiledField(draft.name(), valueFormat, source, constant, f.defaultValue(), code, f.width(), align,
				pad, draft.overflow(), policy, sub, pattern, draft.required(), draft.total(), draft.personal());
	}

	private void fits(CompiledField field, String text) {
		new CharsetFitter(this.charset, this.format != Format.FIXED_WIDTH).fit(text, field, -1, new ArrayList<>());
	}

	private void checkLayout(MappingFile.FieldSpec f, boolean body, List<String> mine) {
		boolean fixed = this.format == Format.FIXED_WIDTH;
		if (f.width() == null && fixed) {
			mine.add("width: required for FIXED_WIDTH (in bytes of " + this.charset.name() + ")");
		}
		if (f.width() != null && f.width() <= 0) {
			mine.add("width: must be positive");
		}
		if (!fixed && (f.align() != null || f.pad() != null)) {
			mine.add("align and pad: only for FIXED_WIDTH");
		}
		if (f.pad() != null) {
			if (f.pad().length() != 1 || !this.charset.newEncoder().canEncode(f.pad())
					|| this.charset.encode(f.pad()).remaining() != 1 || f.pad().charAt(0) < 0x20) {
				mine.add("pad: must be one character of one byte, such as ' ' or '0'");
			}
		}
		if (f.overflow() == Overflow.TRUNCATE && f.type() != FieldType.STRING) {
			mine.add("overflow: TRUNCATE only for STRING (a number or date is never cut)");
		}
		if (Boolean.TRUE.equals(f.total()) && (!fixed || !body || f.type() == null || !f.type().isNumeric())) {
			mine.add("total: only for numeric body fields of FIXED_WIDTH");
		}
	}

}
