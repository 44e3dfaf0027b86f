package cn.shanxi.lianban.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

import cn.shanxi.lianban.support.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A checked field, ready to render and parse: where its value comes from, how it is
 * typed, coded and written, and how it must fit the agency's charset. Values flow as
 * plain Java objects: String, Long, BigDecimal, LocalDate, ZonedDateTime, LocalTime,
 * Boolean.
 */
record CompiledField(String name, ValueFormat format, Expression source, Object constant, String defaultValue,
		CodeTable code, Integer width, Align align, char pad, Overflow overflow, Unencodable unencodable,
		String substitute, Pattern pattern, boolean required, boolean total, boolean personal) {

	FieldType type() {
		return this.format.type();
	}

	/** Where parsing writes this field's value back, or {@code null}. */
	String backPath() {
		return (this.source != null) ? this.source.writableBackPath() : null;
	}

	/**
	 * @return the typed value to write (an agency code for coded fields), or null
	 */
	Object evaluate(EvaluationContext context) {
		try {
			if (this.constant != null) {
				return this.constant;
			}
			JsonNode raw = this.source.evaluate(context);
			if ((raw == null || (raw.isTextual() && raw.textValue().isEmpty())) && this.defaultValue != null) {
				raw = TextNode.valueOf(this.defaultValue);
			}
			if (raw == null || (raw.isTextual() && raw.textValue().isEmpty())) {
				if (this.required) {
					throw new MappingException(MappingException.MISSING_VALUE, "缺少必填值", "a required value is missing");
				}
				return null;
			}
			if (raw.isContainerNode()) {
				throw new MappingException(MappingException.BAD_VALUE, "来源是一个对象或数组,不是单个值",
						"the source is an object or a list, not a single value");
			}
			if (this.code != null) {
				return this.code.code(raw.isTextual() ? raw.textValue() : raw.asText());
			}
			return this.format.fromContext(raw);
		}
		catch (MappingException ex) {
			throw ex.at(null, this.name, -1);
		}
	}

	/** The typed value as text, checked against the pattern. */
	String write(Object value) {
		try {
			String text = (this.code != null) ? (String) value : this.format.write(value);
			checkPattern(text);
			return text;
		}
		catch (MappingException ex) {
			throw ex.at(null, this.name, -1);
		}
	}

	/**
	 * Text as found in a message → our typed value (our value for coded fields). Checks
	 * the pattern, the constant and that the text is written the way this field writes
	 * it.
	 */
	Object read(String text) {
		try {
			checkPattern(text);
			if (this.code != null) {
				return this.code.value(text);
			}
			Object value = this.format.read(text);
			if (this.constant != null && !this.constant.equals(value)) {
				throw new MappingException(MappingException.BAD_VALUE, "应为固定值 '" + write(this.constant) + "'",
						"the fixed value '" + write(this.constant) + "' is expected");
			}
			return value;
		}
		catch (MappingException ex) {
			throw ex.at(null, this.name, -1);
		}
	}

	private void checkPattern(String text) {
		if (this.pattern != null && !this.pattern.matcher(text).matches()) {
			String shown = this.personal ? Masking.mask(text) : text;
			throw new MappingException(MappingException.PATTERN_MISMATCH,
					"'" + shown + "' 不符合格式 " + this.pattern.pattern(),
					"'" + shown + "' does not match " + this.pattern.pattern());
		}
	}

	/**
	 * Whether a JSON document carries this field as a string (else a number or boolean).
	 */
	boolean writesJsonText() {
		return this.code != null || this.format.writesText();
	}

	/** A typed value as the JSON document writes it. */
	JsonNode toDocumentJson(Object value) {
		if (writesJsonText()) {
			return TextNode.valueOf(write(value));
		}
		return toJson(value);
	}

	/** A parsed, typed value for the record handed back to the caller. */
	JsonNode toJson(Object value) {
		if (value instanceof String s) {
			return TextNode.valueOf(s);
		}
		if (value instanceof Long l) {
			return (l == l.intValue()) ? IntNode.valueOf(l.intValue()) : LongNode.valueOf(l);
		}
		if (value instanceof BigDecimal d) {
			return DecimalNode.valueOf(d);
		}
		if (value instanceof Boolean b) {
			return BooleanNode.valueOf(b);
		}
		if (value instanceof LocalDate || value instanceof LocalTime || value instanceof ZonedDateTime) {
			return TextNode.valueOf(ValueFormat.iso(value));
		}
		throw new IllegalStateException("unexpected value type " + value.getClass());
	}

}
