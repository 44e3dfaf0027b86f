package cn.shanxi.lianban.certificate.file;

/**
 * A partner file that cannot be read at all (wrong charset, broken XML/JSON, no header, a
 * column named twice, empty, a name too long, a cut-off upload): it goes to
 * {@code error/} with a {@code .reason} file beside it, at once — reading it again cannot
 * help.
 */
public class UnreadableFileException extends RuntimeException {

	private final String code;

	private final String zh;

	private final String en;

	UnreadableFileException(String code, String zh, String en, Throwable cause) {
		super(en, cause);
		this.code = code;
		this.zh = zh;
		this.en = en;
	}

	UnreadableFileException(String zh, String en, Throwable cause) {
		this("file.unreadable", zh, en, cause);
	}

	/** For programs: e.g. {@code file.charset}, {@code file.empty}. */
	public String code() {
		return this.code;
	}

	public String zh() {
		return this.zh;
	}

	public String en() {
		return this.en;
	}

}
