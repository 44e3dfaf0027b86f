package cn.shanxi.lianban.system;

import java.io.IOException;

/** The body went past {@code lianban.intake.max-body-bytes}. */
class BodyTooLargeException extends IOException {

	BodyTooLargeException(long limit) {
		super("请求体超过 " + limit + " 字节上限 / The body exceeds the limit of " + limit + " bytes");
	}

}
