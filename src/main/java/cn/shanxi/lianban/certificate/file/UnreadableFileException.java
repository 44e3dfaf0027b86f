package cn.shanxi.lianban.certificate.file;

/**
 * A partner file that cannot be read at all (wrong charset, broken XML/JSON, no header):
 * it goes to {@code error/} with a {@code .reason} file beside it.
 */
public class UnreadableFileException extends RuntimeException {

	private final String zh;

	private final String en;

	UnreadableFileException(String zh, String en, Throwable cause) {
		super(en, cause);
		this.zh = zh;
		this.en = en;
	}

	public String zh() {
		return this.zh;
	}

	public String en() {
		return this.en;
	}

}
