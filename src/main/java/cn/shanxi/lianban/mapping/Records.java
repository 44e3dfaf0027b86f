package cn.shanxi.lianban.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers the codecs share: placing parsed values, the batch context. */
final class Records {

	private Records() {
	}

	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	/** Writes {@code value} at a dotted path, creating the objects on the way. */
	static void put(ObjectNode root, String path, JsonNode value) {
		ObjectNode node = root;
		int start = 0;
		int dot;
		while ((dot = path.indexOf('.', start)) >= 0) {
			String step = path.substring(start, dot);
			JsonNode next = node.get(step);
			node = (next instanceof ObjectNode o) ? o : node.putObject(step);
			start = dot + 1;
		}
		node.set(path.substring(start), value);
	}

	/**
	 * The batch context the fields see: the caller's, plus {@code count} (the number of
	 * records). Codecs add {@code totals} once the body is rendered.
	 */
	static ObjectNode batch(JsonNode given, int count) {
		ObjectNode batch = (given instanceof ObjectNode o) ? o.deepCopy() : object();
		batch.put("count", count);
		return batch;
	}

	static String fileName(CompiledMapping mapping, JsonNode batch) {
		if (mapping.fileName() == null) {
			return null;
		}
		try {
			JsonNode name = mapping.fileName().evaluate(new EvaluationContext(null, batch, mapping.zone()));
			return (name != null) ? name.asText() : null;
		}
		catch (MappingException ex) {
			throw ex.at(mapping.id(), "fileName", -1);
		}
	}

	/**
	 * Text found in a message → our typed value, insisting it is written exactly as this
	 * field writes it.
	 */
	static Object readCanonical(CompiledField field, String text) {
		Object value = field.read(text);
		String again = (field.code() != null) ? text : field.write(value);
		if (!again.equals(text)) {
			throw new MappingException(MappingException.NOT_CANONICAL, "'" + text + "' 的写法应为 '" + again + "'",
					"'" + text + "' should be written '" + again + "'")
				.at(null, field.name(), -1);
		}
		return value;
	}

	/** Puts a parsed value where the field's source reads it from, when it can. */
	static void putBack(ObjectNode record, CompiledField field, Object value) {
		String path = field.backPath();
		if (path != null && value != null) {
			put(record, path, field.toJson(value));
		}
	}

}
