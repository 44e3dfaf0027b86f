package cn.shanxi.lianban.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One JSON document per message: a plain object, or an envelope whose header fields sit
 * at the top and whose record fields sit in the body object ({@code input}). Keys in the
 * mapping's order, compact, so the bytes are stable.
 */
final class JsonCodec implements Codec {

	private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		// 1234.50 stays 1234.50: an amount keeps its scale
		.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

	private final CompiledMapping mapping;

	/** Each field with its full dotted path in the document. */
	private final Map<CompiledField, String> paths = new LinkedHashMap<>();

	private final Set<String> objects = new HashSet<>();

	private final Set<String> leaves;

	JsonCodec(CompiledMapping mapping) {
		this.mapping = mapping;
		String body = (mapping.json().style() == MappingFile.JsonStyle.ENVELOPE) ? mapping.json().body() + "." : "";
		mapping.header().forEach((f) -> this.paths.put(f, f.name()));
		mapping.fields().forEach((f) -> this.paths.put(f, body + f.name()));
		this.leaves = Set.copyOf(this.paths.values());
		for (String path : this.paths.values()) {
			if (path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
				throw new IllegalArgumentException("'" + path + "' is not a dotted JSON path");
			}
			for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
				this.objects.add(path.substring(0, dot));
			}
		}
		for (String o : this.objects) {
			if (this.leaves.contains(o)) {
				throw new IllegalArgumentException("'" + o + "' is both a value and an object");
			}
		}
	}

	@Override
	public Rendered render(List<? extends JsonNode> records, JsonNode batchContext) {
		if (records.size() != 1) {
			throw new MappingException(MappingException.ONE_RECORD_PER_DOCUMENT, "JSON 报文一次只能生成一条记录",
					"a JSON message holds exactly one record, " + records.size() + " given")
				.at(this.mapping.id(), null, -1);
		}
		List<Substitution> substitutions = new ArrayList<>();
		CharsetFitter fitter = new CharsetFitter(this.mapping.charset(), true);
		ObjectNode batch = Records.batch(batchContext, 1);
		EvaluationContext ctx = new EvaluationContext(records.get(0), batch, this.mapping.zone());
		ObjectNode doc = Records.object();
		this.paths.forEach((f, path) -> {
			try {
				Records.put(doc, path, node(f, f.evaluate(ctx), fitter, substitutions));
			}
			catch (MappingException ex) {
				throw ex.at(this.mapping.id(), f.name(), 0);
			}
		});
		String text;
		try {
			text = JSON.writeValueAsString(doc);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("JSON writing failed", ex);
		}
		return new Rendered(this.mapping.id(), Format.JSON, fitter.encode(text), List.of(), this.mapping.contentType(),
				this.mapping.charset(), Records.fileName(this.mapping, batch), List.copyOf(substitutions));
	}

	private static JsonNode node(CompiledField f, Object value, CharsetFitter fitter, List<Substitution> subs) {
		if (value == null) {
			return NullNode.getInstance();
		}
		String text = f.write(value);
		JsonNode node = f.toDocumentJson(value);
		return node.isTextual() ? TextNode.valueOf(fitter.fit(text, f, 0, subs).text()) : node;
	}

	@Override
	public Parsed parse(byte[] bytes) {
		List<LineError> errors = new ArrayList<>();
		ObjectNode record = Records.object();
		try {
			JsonNode doc = JSON.readTree(TextDecoding.decode(bytes, this.mapping.charset()));
			if (!(doc instanceof ObjectNode)) {
				throw new MappingException("MALFORMED", "报文应为 JSON 对象", "the message should be a JSON object");
			}
			if (this.mapping.json().rejectUnknown()) {
				unknownKeys(doc, "", errors);
			}
			this.paths.forEach((f, path) -> {
				try {
					JsonNode node = doc.at(JsonPointer.compile("/" + path.replace('.', '/')));
					Records.putBack(record, f, value(f, node));
				}
				catch (MappingException ex) {
					errors.add(LineError.of(1, ex.at(null, f.name(), -1)));
				}
			});
		}
		catch (MappingException ex) {
			errors.add(LineError.of(1, ex));
		}
		catch (JsonProcessingException ex) {
			errors.add(new LineError(1, null, "MALFORMED", "JSON 无法读取: " + ex.getOriginalMessage(),
					"unreadable JSON: " + ex.getOriginalMessage()));
		}
		return new Parsed(errors.isEmpty() ? List.of(record) : List.of(), null, null, List.copyOf(errors));
	}

	private static Object value(CompiledField f, JsonNode node) {
		if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
			if (f.required()) {
				throw new MappingException(MappingException.MISSING_VALUE, "缺少必填值", "a required value is missing");
			}
			return null;
		}
		if (f.writesJsonText()) {
			if (!node.isTextual()) {
				throw wrongType("文本", "a string", node);
			}
			return Records.readCanonical(f, node.textValue());
		}
		return switch (f.type()) {
			case INTEGER -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : fail(node);
			case DECIMAL -> node.isNumber() ? node.decimalValue() : fail(node);
			case BOOLEAN -> node.isBoolean() ? node.booleanValue() : fail(node);
			default -> fail(node);
		};
	}

	private static Object fail(JsonNode node) {
		throw wrongType("数值或是否值", "a number or boolean", node);
	}

	private static MappingException wrongType(String zh, String en, JsonNode node) {
		return new MappingException(MappingException.BAD_VALUE, "应为" + zh + ",得到 " + node.getNodeType(),
				en + " is expected, got " + node.getNodeType());
	}

	private void unknownKeys(JsonNode node, String prefix, List<LineError> errors) {
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> e = it.next();
			String path = prefix + e.getKey();
			if (this.objects.contains(path)) {
				unknownKeys(e.getValue(), path + ".", errors);
			}
			else if (!this.leaves.contains(path)) {
				errors.add(new LineError(1, path, "UNEXPECTED", "多余的键 " + path, "unexpected key " + path));
			}
		}
	}

}
