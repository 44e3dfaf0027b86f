package cn.shanxi.lianban.certificate;

/**
 * Why a record was not accepted as it is, in Chinese and English; {@code code} is stable
 * for programs (the partner's system reads it from the receipt).
 */
public record Reason(String code, String zh, String en) {

	static Reason of(String code, String zh, String en) {
		return new Reason(code, zh, en);
	}

	static Reason field(String field, String code, String zh, String en) {
		return new Reason(field + "." + code, field + "：" + zh, field + ": " + en);
	}

}
