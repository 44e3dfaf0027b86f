package cn.shanxi.lianban.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A code table from {@code mappings/codes/<id>.yaml}: our value (an enum name such as
 * {@code SPOUSE}, or a national code we already hold) ↔ the agency's code. One to one, so
 * a reply maps back without doubt.
 */
public final class CodeTable {

	private final String id;

	private final String title;

	private final Map<String, String> codeByValue;

	private final Map<String, String> valueByCode;

	private CodeTable(String id, String title, Map<String, String> codeByValue, Map<String, String> valueByCode) {
		this.id = id;
		this.title = title;
		this.codeByValue = Map.copyOf(codeByValue);
		this.valueByCode = Map.copyOf(valueByCode);
	}

	/**
	 * @param problems where mistakes in the file are told, each naming the entry
	 */
	static CodeTable of(File file, List<String> problems) {
		Map<String, String> codeByValue = new HashMap<>();
		Map<String, String> valueByCode = new HashMap<>();
		List<Entry> entries = (file.entries() != null) ? file.entries() : List.of();
		if (entries.isEmpty()) {
			problems.add("entries: at least one entry is needed");
		}
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			String where = "entries[" + i + "]";
			if (e.value() == null || e.code() == null) {
				problems.add(where + ": value and code are both required");
				continue;
			}
			if (e.label() == null || e.label().isBlank()) {
				problems.add(where + " (" + e.value() + "): a label is required");
			}
			if (codeByValue.put(e.value(), e.code()) != null) {
				problems.add(where + ": value '" + e.value() + "' is listed twice");
			}
			if (valueByCode.put(e.code(), e.value()) != null) {
				problems.add(where + ": code '" + e.code() + "' is listed twice (a reply could not be mapped back)");
			}
		}
		if (file.title() == null || file.title().isBlank()) {
			problems.add("title: required");
		}
		return new CodeTable(file.id(), file.title(), codeByValue, valueByCode);
	}

	public String id() {
		return this.id;
	}

	public String title() {
		return this.title;
	}

	/** Our value → the agency's code. */
	public String code(String value) {
		String code = this.codeByValue.get(value);
		if (code == null) {
			throw new MappingException(MappingException.UNKNOWN_CODE, "代码表 " + this.id + " 中没有值 '" + value + "'",
					"code table " + this.id + " has no entry for value '" + value + "'");
		}
		return code;
	}

	/** The agency's code → our value. */
	public String value(String code) {
		String value = this.valueByCode.get(code);
		if (value == null) {
			throw new MappingException(MappingException.UNKNOWN_CODE, "代码表 " + this.id + " 中没有代码 '" + code + "'",
					"code table " + this.id + " has no entry for code '" + code + "'");
		}
		return value;
	}

	/** The file as written. */
	record File(String id, String title, String standard, String description, List<Entry> entries) {
	}

	/**
	 * @param value our value
	 * @param code the agency's code
	 * @param label what it means, Chinese / English
	 */
	record Entry(String value, String code, String label) {
	}

}
