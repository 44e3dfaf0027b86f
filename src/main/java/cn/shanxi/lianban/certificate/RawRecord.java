package cn.shanxi.lianban.certificate;

import java.util.List;
import java.util.Map;

/**
 * One record as read from a file or a request, before validation: its fields by dotted
 * name ({@code deceased.idNumber}), blank ones left out.
 *
 * @param lineNo where it was: the line of a CSV file (the header is line 1), the position
 * of a record in XML or JSON (1 = first)
 * @param fields the values by dotted name
 * @param readErrors what was wrong with its shape (e.g. a list where a value belongs)
 */
public record RawRecord(int lineNo, Map<String, String> fields, List<Reason> readErrors) {

	public RawRecord(int lineNo, Map<String, String> fields) {
		this(lineNo, fields, List.of());
	}

	String get(String field) {
		return this.fields.get(field);
	}

}
