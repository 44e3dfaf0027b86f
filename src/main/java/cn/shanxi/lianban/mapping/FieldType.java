package cn.shanxi.lianban.mapping;

/**
 * The type of a mapped field: how its value is formatted on the way out and converted
 * back on the way in.
 */
public enum FieldType {

	STRING, INTEGER, DECIMAL, DATE, DATETIME, TIME, BOOLEAN;

	boolean isNumeric() {
		return this == INTEGER || this == DECIMAL;
	}

	boolean isTemporal() {
		return this == DATE || this == DATETIME || this == TIME;
	}

}
