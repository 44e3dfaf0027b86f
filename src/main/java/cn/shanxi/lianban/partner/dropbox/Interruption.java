package cn.shanxi.lianban.partner.dropbox;

import java.util.Arrays;

/**
 * Why an upload was cut off. Its file is set aside as {@code <name>.interrupted}, never
 * read, and reported in the partner's {@code error/} with this reason.
 */
public enum Interruption {

	CONNECTION_LOST("connection-lost", "上传中断（连接断开），文件不完整，未读取；请重新完整上传",
			"The upload was cut off (the connection dropped): the file is incomplete and was not read; upload it again in full"),

	QUOTA("quota", "上传中断：超出本机构的存储配额，文件不完整，未读取；请待 inbox/ 与 error/ 有空间后重新上传",
			"The upload was cut off: it went over the partner's quota; the file is incomplete and was not read; "
					+ "upload it again once inbox/ and error/ have room"),

	WRITE_FAILED("write-failed", "上传中断：写入文件时出错，文件不完整，未读取；请重新上传",
			"The upload was cut off: writing the file failed; it is incomplete and was not read; upload it again"),

	HUB_STOPPED("hub-stopped", "上传中断：上传期间联办平台停止运行，文件不完整，未读取；请重新上传",
			"The upload was cut off: the hub stopped during the upload; the file is incomplete and was not read; "
					+ "upload it again");

	private final String code;

	private final String zh;

	private final String en;

	Interruption(String code, String zh, String en) {
		this.code = code;
		this.zh = zh;
		this.en = en;
	}

	public String code() {
		return this.code;
	}

	public String zh() {
		return this.zh;
	}

	public String en() {
		return this.en;
	}

	/** The interruption of a code, {@link #CONNECTION_LOST} when unknown. */
	public static Interruption of(String code) {
		return Arrays.stream(values()).filter((i) -> i.code.equals(code)).findFirst().orElse(CONNECTION_LOST);
	}

}
