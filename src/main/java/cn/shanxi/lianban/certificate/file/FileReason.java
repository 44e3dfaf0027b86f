package cn.shanxi.lianban.certificate.file;

import cn.shanxi.lianban.partner.dropbox.Interruption;

/**
 * Why a partner file was set aside into {@code error/}: a stable code for programs, the
 * reason in Chinese and in English — what its {@code .reason} file says.
 */
public record FileReason(String code, String zh, String en) {

	/** Why an upload was cut off. */
	static FileReason of(Interruption why) {
		return new FileReason("file.interrupted." + why.code(), why.zh(), why.en());
	}

	static FileReason of(UnreadableFileException ex) {
		return new FileReason(ex.code(), ex.zh(), ex.en());
	}

	/** The reason with the reference a partner quotes to the operators. */
	FileReason withReference(long id) {
		return new FileReason(this.code, this.zh + "（参考号 F" + id + "）", this.en + " (reference F" + id + ")");
	}

	/** The {@code .reason} file's text: Chinese, then English, CRLF line ends. */
	String text() {
		return this.zh + "\r\n" + this.en + "\r\n";
	}

}
