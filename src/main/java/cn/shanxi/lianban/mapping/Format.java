package cn.shanxi.lianban.mapping;

/** The shapes of legacy message the engine renders and parses. */
public enum Format {

	/** Records of fields with widths in bytes, optional header and trailer records. */
	FIXED_WIDTH,

	/** Delimited text with a header row. */
	CSV,

	/** One XML document per message. */
	XML,

	/** One JSON document per message, plain or as an envelope around an input object. */
	JSON,

	/** Column name to value maps for an insert into an agency's staging table. */
	ROWS

}
