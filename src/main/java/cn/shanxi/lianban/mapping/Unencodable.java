package cn.shanxi.lianban.mapping;

/**
 * What happens to a character the agency's charset cannot hold (a 生僻字 outside GBK, for
 * instance). Never a silent {@code ?}.
 */
public enum Unencodable {

	/**
	 * The message is not rendered; the caller records the error on the work item, which
	 * goes to the window.
	 */
	FAIL,

	/**
	 * The character is replaced by the declared substitute and the substitution is
	 * reported with the rendered message.
	 */
	SUBSTITUTE

}
