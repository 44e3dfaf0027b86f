package cn.shanxi.lianban.certificate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a JSON (or XML, read as a tree) document into records with dotted field names:
 * one record, an array of them, or {@code {"records": [...]}}. For XML, the root's
 * repeated child elements are the records ({@code <certificates><certificate>…}).
 */
public final class TreeRecords {

	private TreeRecords() {
	}

	/**
	 * The records of the document, or {@code null} when it holds none we can recognise.
	 */
	public static List<RawRecord> records(JsonNode root) {
		JsonNode list;
		if (root == null) {
			return null;
		}
		if (root.isArray()) {
			list = root;
		}
		else if (!root.isObject()) {
			return null;
		}
		else if (root.has(RecordFields.KIND) || root.has("certificateNo")) {
			list = null;
		}
		else if (root.size() == 1) {
			list = root.elements().next(); // {"records": [...]} or
											// <certificates><certificate>…
		}
		else {
			return null;
		}
		List<RawRecord> records = new ArrayList<>();
		if (list == null || list.isObject()) {
			records.add(record(1, (list == null) ? root : list));
		}
		else if (list.isArray()) {
			int n = 0;
			for (JsonNode element : list) {
				records.add(record(++n, element));
			}
		}
		else {
			return null;
		}
		return records;
	}

	static RawRecord record(int position, JsonNode node) {
		Map<String, String> fields = new LinkedHashMap<>();
		List<Reason> errors = new ArrayList<>();
		if (!node.isObject()) {
			errors.add(Reason.of("record.shape", "记录应为对象", "A record must be an object"));
		}
		else {
			flatten("", node, fields, errors);
		}
		return new RawRecord(position, fields, errors);
	}

	private static void flatten(String prefix, JsonNode node, Map<String, String> fields, List<Reason> errors) {
		Iterator<Map.Entry<String, JsonNode>> it = node.fields();
		while (it.hasNext()) {
			Map.Entry<String, JsonNode> e = it.next();
			String name = prefix + e.getKey();
			JsonNode value = e.getValue();
			if (value.isObject()) {
				flatten(name + ".", value, fields, errors);
			}
			else if (value.isArray()) {
				errors.add(Reason.field(name, "shape", "不能是列表", "must not be a list"));
			}
			else if (!value.isNull()) {
				String text = value.asText().trim();
				if (!text.isEmpty()) {
					fields.put(name, text);
				}
			}
		}
	}

}
