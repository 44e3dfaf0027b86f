package cn.shanxi.lianban.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An {@code application/problem+json} answer (RFC 9457) with the field errors our callers
 * need. {@code title} and {@code detail} carry Chinese and English; {@code extensions}
 * are further members of the answer (RFC 9457 §3.2), e.g. the existing case's
 * {@code caseNo} of a second application for one deceased.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
		@JsonIgnore Map<String, Object> extensions) {

	public static final String MEDIA_TYPE = "application/problem+json";

	public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
		this(type, title, status, detail, errors, null);
	}

	public static Problem of(int status, String code, String titleZh, String titleEn, String detail) {
		return new Problem("urn:lianban:problem:" + code, titleZh + " / " + titleEn, status, detail, null);
	}

	public Problem withErrors(List<FieldError> errors) {
		return new Problem(this.type, this.title, this.status, this.detail, List.copyOf(errors), this.extensions);
	}

	/** The same problem with one more member. */
	public Problem with(String member, Object value) {
		Map<String, Object> more = new LinkedHashMap<>((this.extensions != null) ? this.extensions : Map.of());
		more.put(member, value);
		return new Problem(this.type, this.title, this.status, this.detail, this.errors,
				java.util.Collections.unmodifiableMap(more));
	}

	@JsonAnyGetter
	Map<String, Object> members() {
		return (this.extensions != null) ? this.extensions : Map.of();
	}

}
