package cn.shanxi.lianban.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mapping file ({@code mappings/<id>.mapping.yaml}) as written by an integration
 * engineer, before it is checked and compiled. Shaped like a Kamelet's property schema:
 * every field has a title, a type, a width or format, a default and an example.
 *
 * @param id the mapping's id, the same as the file name without {@code .mapping.yaml}
 * @param title what it is, Chinese / English
 * @param description longer notes for the reader
 * @param agency the agency whose legacy system speaks this format, e.g.
 * {@code POLICE_HUKOU}
 * @param direction {@code REQUEST} (the hub sends it) or {@code REPLY} (the hub receives
 * it)
 * @param format the shape of the message
 * @param charset the agency's charset: GB18030, GBK, UTF-8
 * @param zone the time zone dates and times are written in (default Asia/Shanghai)
 * @param unencodable the default for fields: what to do with a character the charset
 * cannot hold
 * @param substitute the default substitute when {@code unencodable: SUBSTITUTE}
 * @param fileName an expression over {@code batch} naming the file, for file transports
 * @param fixedWidth options for {@code FIXED_WIDTH}
 * @param csv options for {@code CSV}
 * @param xml options for {@code XML}
 * @param json options for {@code JSON}
 * @param rows options for {@code ROWS}
 * @param header a fixed-width header record, or a JSON envelope's top-level fields
 * @param fields the fields of one record, in order
 * @param trailer a fixed-width trailer record
 */
record MappingFile(String id, String title, String description, String agency, Direction direction, Format format,
		String charset, String zone, Unencodable unencodable, String substitute, String fileName,
		FixedWidthOptions fixedWidth, CsvOptions csv, XmlOptions xml, JsonOptions json, RowsOptions rows,
		List<FieldSpec> header, List<FieldSpec> fields, List<FieldSpec> trailer) {

	enum Direction {

		REQUEST, REPLY

	}

	enum Separator {

		CRLF("\r\n"), LF("\n"), NONE("");

		final String text;

		Separator(String text) {
			this.text = text;
		}

	}

	enum Quoting {

		/** Quote only values that need it (delimiter, quote, line break inside). */
		MINIMAL,

		/** Quote every value. */
		ALL

	}

	enum JsonStyle {

		/** The record's fields make up the document. */
		PLAIN,

		/**
		 * {@code header} fields at the top (transactionCode, messageId, sender, sentAt),
		 * the record's fields inside the {@code body} object (default {@code input}).
		 */
		ENVELOPE

	}

	/**
	 * One field. Exactly one of {@code source} and {@code constant}.
	 *
	 * @param name the agency's name for it: a column, a JSON path ({@code input.certno}),
	 * an XML path ({@code Head/MsgId}, {@code @version}), or a label in a fixed-width
	 * record
	 * @param title what it is, Chinese / English
	 * @param description notes for the reader
	 * @param type STRING, INTEGER, DECIMAL, DATE, DATETIME, TIME or BOOLEAN
	 * @param source an expression over the context: {@code case.deceased.name},
	 * {@code mask(case.applicant.phone)}; parsing writes a plain path back
	 * @param constant a fixed value; parsing checks it
	 * @param defaultValue used when the source is missing or empty
	 * @param code a code table in {@code mappings/codes/}: our value ↔ the agency's code
	 * @param format a date/time pattern ({@code yyyyMMdd}), a number pattern
	 * ({@code 0.00}), or {@code true|false} spellings for a boolean
	 * @param width width in bytes of the charset: the exact width of a fixed-width field,
	 * an upper limit elsewhere
	 * @param align fixed-width alignment: LEFT (default for text) or RIGHT (default for
	 * numbers)
	 * @param pad the one-byte pad character: a space, or {@code 0} (default for numbers)
	 * @param overflow FAIL (default) or TRUNCATE at a character boundary (text only)
	 * @param unencodable FAIL or SUBSTITUTE; default from the mapping
	 * @param substitute the substitute for an unencodable character
	 * @param pattern a regular expression the value (as written) must match
	 * @param required a missing value is an error
	 * @param total a numeric body field summed into {@code batch.totals.<name>}
	 * @param personal personal data (ID, phone, account): masked in error messages
	 * @param example an example value as written, checked against pattern and width
	 */
	record FieldSpec(String name, String title, String description, FieldType type, String source, String constant,
			@JsonProperty("default") String defaultValue, String code, String format, Integer width, Align align,
			String pad, Overflow overflow, Unencodable unencodable, String substitute, String pattern, Boolean required,
			Boolean total, Boolean personal, String example) {
	}

	/**
	 * @param recordSeparator CRLF (default), LF or NONE
	 */
	record FixedWidthOptions(Separator recordSeparator) {
	}

	/**
	 * @param delimiter one character, default {@code ,}
	 * @param quote one character, default {@code "}
	 * @param quoting MINIMAL (default) or ALL
	 * @param header whether the first row names the columns (default true)
	 * @param lineSeparator CRLF (default) or LF
	 */
	record CsvOptions(String delimiter, String quote, Quoting quoting, Boolean header, Separator lineSeparator) {
	}

	/**
	 * @param root the root element's local name
	 * @param namespace the root's namespace URI, shared by every element
	 * @param prefix the namespace prefix, empty for the default namespace
	 * @param declaration whether to write {@code <?xml ...?>} (default true)
	 * @param indent spaces per level, 0 for one line (default 2)
	 * @param lineSeparator LF (default) or CRLF
	 */
	record XmlOptions(String root, String namespace, String prefix, Boolean declaration, Integer indent,
			Separator lineSeparator) {
	}

	/**
	 * @param style PLAIN (default) or ENVELOPE
	 * @param body ENVELOPE: the key of the body object (default {@code input})
	 * @param rejectUnknown parsing: whether a key the mapping does not name is an error
	 * (default true)
	 */
	record JsonOptions(JsonStyle style, String body, Boolean rejectUnknown) {
	}

	/**
	 * @param table the staging table the rows go to (for the reader and the route)
	 */
	record RowsOptions(String table) {
	}

}
