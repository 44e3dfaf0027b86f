package cn.shanxi.lianban.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import cn.shanxi.lianban.support.FieldError;

/**
 * Collects every field Jackson cannot bind — unknown fields, unknown enum values, wrong
 * types — instead of stopping at the first, so one answer lists them all. One instance
 * per request.
 */
final class BindingProblems extends DeserializationProblemHandler {

	private final List<FieldError> errors = new ArrayList<>();

	List<FieldError> errors() {
		return this.errors;
	}

	void add(FieldError error) {
		this.errors.add(error);
	}

	@Override
	public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
			Object beanOrClass, String propertyName) throws IOException {
		String field = join(path(p.getParsingContext().getParent()), propertyName);
		this.errors.add(new FieldError(field, "field.unknown", "未知字段：" + field, "Unknown field: " + field));
		p.skipChildren();
		return true;
	}

	@Override
	public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
			String failureMsg) {
		String field = path(ctxt.getParser().getParsingContext());
		if (targetType.isEnum()) {
			String allowed = Arrays.stream(targetType.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			this.errors.add(new FieldError(field, "value.unknown", field + " 的取值无效，可选值：" + allowed,
					field + " has an unknown value; allowed: " + allowed));
		}
		else {
			this.errors.add(new FieldError(field, "value.invalid", "字段值格式不正确：" + field,
					"The field's value has the wrong format: " + field));
		}
		return null;
	}

	@Override
	public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
			String failureMsg) {
		String field = path(ctxt.getParser().getParsingContext());
		this.errors.add(new FieldError(field, "value.invalid", "字段值格式不正确：" + field,
				"The field's value has the wrong format: " + field));
		return null;
	}

	@Override
	public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
			String failureMsg) throws IOException {
		JsonStreamContext context = p.getParsingContext();
		boolean opening = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
		if (context.inRoot() || (opening && context.getParent() != null && context.getParent().inRoot())) {
			// the body itself is not a form: let Jackson say so
			return NOT_HANDLED;
		}
		String field = path(opening ? context.getParent() : context);
		this.errors
			.add(new FieldError(field, "type.mismatch", "字段类型不正确：" + field, "The field has the wrong type: " + field));
		p.skipChildren();
		return null;
	}

	/**
	 * {@code applicant.phone}, {@code items[2]}: the field a parser context stands in.
	 */
	static String path(JsonStreamContext context) {
		List<String> parts = new ArrayList<>();
		for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			if (c.inArray()) {
				parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
			}
			else if (c.getCurrentName() != null) {
				parts.add(0, "." + c.getCurrentName());
			}
		}
		String path = String.join("", parts);
		return path.startsWith(".") ? path.substring(1) : (path.isEmpty() ? "(body)" : path);
	}

	private static String join(String parent, String name) {
		return "(body)".equals(parent) ? name : parent + "." + name;
	}

}
