package cn.shanxi.lianban.mapping;

import cn.shanxi.lianban.support.FieldError;

/**
 * Something wrong in a message being parsed: a line of a file, a row, a document.
 *
 * @param line the 1-based line of a fixed-width file, the 1-based row of a CSV file
 * (counting the header) or of a row list, 1 for an XML or JSON document
 * @param field the field's name, or {@code null} for the whole line
 * @param code stable for programs, as in {@link MappingException}, plus
 * {@code WRONG_LENGTH}, {@code MALFORMED}, {@code WRONG_COUNT}, {@code WRONG_TOTAL},
 * {@code UNEXPECTED}
 * @param message Chinese
 * @param messageEn English
 */
public record LineError(int line, String field, String code, String message, String messageEn) {

	static LineError of(int line, MappingException ex) {
		return new LineError(line, ex.field(), ex.code(), ex.messageZh(), ex.messageEn());
	}

	public FieldError toFieldError() {
		return new FieldError(this.field, this.code, this.message, this.messageEn);
	}

}
