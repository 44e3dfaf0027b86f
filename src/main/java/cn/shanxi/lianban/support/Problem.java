package cn.shanxi.lianban.support;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An {@code application/problem+json} answer (RFC 9457) with the field errors our callers
 * need. {@code title} and {@code detail} carry Chinese and English.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

	public static final String MEDIA_TYPE = "application/problem+json";

	public static Problem of(int status, String code, String titleZh, String titleEn, String detail) {
		return new Problem("urn:lianban:problem:" + code, titleZh + " / " + titleEn, status, detail, null);
	}

	public Problem withErrors(List<FieldError> errors) {
		return new Problem(this.type, this.title, this.status, this.detail, List.copyOf(errors));
	}

}
