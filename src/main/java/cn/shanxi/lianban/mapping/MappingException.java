package cn.shanxi.lianban.mapping;

import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.Masking;

/**
 * A message could not be rendered (or a value not converted). The caller records it on
 * the work item, which then goes to the window: {@link #code()} is stable for programs,
 * the messages say what is wrong in Chinese and English. Personal numbers in the messages
 * are masked.
 */
public class MappingException extends RuntimeException {

	/** A character the agency's charset cannot hold, and the mapping says FAIL. */
	public static final String UNENCODABLE_CHARACTER = "UNENCODABLE_CHARACTER";

	/** A value longer than its field's width in bytes, and the field says FAIL. */
	public static final String VALUE_TOO_LONG = "VALUE_TOO_LONG";

	/** A required value is missing. */
	public static final String MISSING_VALUE = "MISSING_VALUE";

	/** A value that a code table does not list. */
	public static final String UNKNOWN_CODE = "UNKNOWN_CODE";

	/** A value that does not match the field's pattern. */
	public static final String PATTERN_MISMATCH = "PATTERN_MISMATCH";

	/** A value that is not of the field's type (not a date, not a number, …). */
	public static final String BAD_VALUE = "BAD_VALUE";

	/** A control character (line break, tab, …) where the format cannot carry one. */
	public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";

	/**
	 * Parsing: a value not written the way the mapping writes it (e.g. {@code 2026-1-5}).
	 */
	public static final String NOT_CANONICAL = "NOT_CANONICAL";

	/** No mapping with that id in the catalogue. */
	public static final String UNKNOWN_MAPPING = "UNKNOWN_MAPPING";

	/** A document format (XML, JSON) was given other than exactly one record. */
	public static final String ONE_RECORD_PER_DOCUMENT = "ONE_RECORD_PER_DOCUMENT";

	private final String code;

	private final String messageZh;

	private final String messageEn;

	private final String mappingId;

	private final String field;

	private final int record;

	public MappingException(String code, String messageZh, String messageEn) {
		this(code, messageZh, messageEn, null, null, -1, null);
	}

	private MappingException(String code, String messageZh, String messageEn, String mappingId, String field,
			int record, Throwable cause) {
		super(describe(code, Masking.maskAll(messageZh), Masking.maskAll(messageEn), mappingId, field, record), cause);
		this.code = code;
		// a value quoted in a message may be an ID, a phone or an account number
		this.messageZh = Masking.maskAll(messageZh);
		this.messageEn = Masking.maskAll(messageEn);
		this.mappingId = mappingId;
		this.field = field;
		this.record = record;
	}

	private static String describe(String code, String zh, String en, String mappingId, String field, int record) {
		StringBuilder where = new StringBuilder();
		if (mappingId != null) {
			where.append(mappingId);
		}
		if (record >= 0) {
			where.append(where.isEmpty() ? "" : " ").append("record ").append(record);
		}
		if (field != null) {
			where.append(where.isEmpty() ? "" : " ").append("field ").append(field);
		}
		return code + (where.isEmpty() ? "" : " (" + where + ")") + ": " + zh + " / " + en;
	}

	/** The same error, placed: which mapping, which field, which record (0-based). */
	MappingException at(String mappingId, String field, int record) {
		MappingException placed = new MappingException(this.code, this.messageZh, this.messageEn,
				(mappingId != null) ? mappingId : this.mappingId, (field != null) ? field : this.field,
				(record >= 0) ? record : this.record, getCause());
		// one exception with the original stack, not a chain of re-wrappings
		placed.setStackTrace(getStackTrace());
		return placed;
	}

	public String code() {
		return this.code;
	}

	public String messageZh() {
		return this.messageZh;
	}

	public String messageEn() {
		return this.messageEn;
	}

	/**
	 * @return the mapping's id, or {@code null}
	 */
	public String mappingId() {
		return this.mappingId;
	}

	/**
	 * @return the field's name, or {@code null}
	 */
	public String field() {
		return this.field;
	}

	/**
	 * @return the index of the record among those rendered, or -1
	 */
	public int record() {
		return this.record;
	}

	/** The error as the API and the work item show it. */
	public FieldError toFieldError() {
		return new FieldError(this.field, this.code, this.messageZh, this.messageEn);
	}

}
