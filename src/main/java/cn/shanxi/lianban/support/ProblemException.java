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

	/**
	 * At most this many errors in one answer: a list repeated 10,000 times is one
	 * problem, said once, not an answer of 10,000 lines.
	 */
	public static final int MAX_ERRORS = 50;

	/**
	 * 422: the input breaks rules; every distinct field error listed (at most
	 * {@link #MAX_ERRORS}), nothing stored.
	 */
	public static ProblemException invalid(java.util.List<FieldError> errors) {
		return new ProblemException(Problem.of(422, "invalid-input", "提交的内容有误", "The input is invalid",
				"请按 errors 中列出的每一项修改后重新提交，未保存任何内容 / Correct every item listed in errors and submit again; nothing was stored")
			.withErrors(distinct(errors)));
	}

	/**
	 * One error per distinct problem: the same code on the same field of another element
	 * of a list ({@code items[3]}, {@code items[4]}) with the same words is the same
	 * problem; past {@link #MAX_ERRORS}, one last error says how many more there were.
	 */
	static java.util.List<FieldError> distinct(java.util.List<FieldError> errors) {
		java.util.Map<String, FieldError> seen = new java.util.LinkedHashMap<>();
		for (FieldError e : errors) {
			String key = unindexed(e.field()) + '\u0000' + e.code() + '\u0000' + unindexed(e.message());
			seen.putIfAbsent(key, e);
		}
		java.util.List<FieldError> out = new java.util.ArrayList<>(seen.values());
		if (out.size() <= MAX_ERRORS) {
			return out;
		}
		int more = out.size() - MAX_ERRORS;
		out = new java.util.ArrayList<>(out.subList(0, MAX_ERRORS));
		out.add(new FieldError("(body)", "errors.more", "另有 " + more + " 项错误未列出，请先修改以上各项",
				more + " more errors are not listed: correct the ones above first"));
		return out;
	}

	private static String unindexed(String text) {
		return (text == null || text.indexOf('[') < 0) ? String.valueOf(text) : text.replaceAll("\\[\\d+]", "[]");
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
