package cn.shanxi.lianban.mapping;

/** What happens to a value longer than its field's width in bytes. */
public enum Overflow {

	/** The message is not rendered: the work item records the error. */
	FAIL,

	/** Cut at the last whole character that fits, never through a character. */
	TRUNCATE

}
