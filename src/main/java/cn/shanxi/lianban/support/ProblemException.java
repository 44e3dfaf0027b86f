package cn.shanxi.lianban.support;

/** An exception that knows the problem answer it stands for; the API answers it as is. */
public class ProblemException extends RuntimeException {

	private final transient Problem problem;

	public ProblemException(Problem problem) {
		super(problem.title());
		this.problem = problem;
	}

	public Problem problem() {
		return this.problem;
	}

	/** 422: the input breaks rules; every field error listed, nothing stored. */
	public static ProblemException invalid(java.util.List<FieldError> errors) {
		return new ProblemException(Problem.of(422, "invalid-input", "提交的内容有误", "The input is invalid",
				"请按 errors 中列出的每一项修改后重新提交，未保存任何内容 / Correct every item listed in errors and submit again; nothing was stored")
			.withErrors(errors));
	}

	/** 400: the body cannot be read as JSON at all. */
	public static ProblemException unreadable(String detail) {
		return new ProblemException(
				Problem.of(400, "unreadable", "请求体不是有效的JSON", "The body is not valid JSON", Masking.maskAll(detail)));
	}

	/** 404: nothing by that name. */
	public static ProblemException notFound(String zh, String en) {
		return new ProblemException(Problem.of(404, "not-found", zh, en, null));
	}

	/** 409: the request contradicts what is on record. */
	public static ProblemException conflict(String code, String zh, String en, String detail) {
		return new ProblemException(Problem.of(409, code, zh, en, detail));
	}

	/** 413: the body or a file is larger than allowed. */
	public static ProblemException tooLarge(String detail) {
		return new ProblemException(Problem.of(413, "too-large", "请求内容过大", "The request is too large", detail));
	}

}
