package cn.shanxi.lianban.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.Problem;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error the API gives is {@code application/problem+json} with Chinese and English:
 * never a stack trace, never an HTML page.
 */
@RestControllerAdvice
class ProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Problem> problem(ProblemException ex) {
		return answer(ex.problem());
	}

	@ExceptionHandler(BodyTooLargeException.class)
	ResponseEntity<Problem> bodyTooLarge(BodyTooLargeException ex) {
		return answer(ProblemException.tooLarge(ex.getMessage()).problem());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Problem> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof BodyTooLargeException tooLarge) {
			return bodyTooLarge(tooLarge);
		}
		return answer(ProblemException.unreadable("请求体无法读取 / The body cannot be read").problem());
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class })
	ResponseEntity<Problem> uploadTooLarge(Exception ex) {
		return answer(ProblemException.tooLarge("上传内容超过上限 / The upload exceeds the limit").problem());
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MissingRequestHeaderException.class })
	ResponseEntity<Problem> missingPart(Exception ex) {
		String name = (ex instanceof MissingServletRequestPartException m) ? m.getRequestPartName()
				: ((MissingRequestHeaderException) ex).getHeaderName();
		return answer(ProblemException
			.invalid(
					List.of(new FieldError(name, "required", "缺少必需的部分：" + name, "A required part is missing: " + name)))
			.problem());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Problem> badMultipart(MultipartException ex) {
		return answer(Problem.of(400, "multipart", "multipart 请求格式不正确", "The multipart request is malformed", null));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(Problem.of(415, "media-type", "不支持的内容类型", "Unsupported content type",
				"请使用 application/json 或 multipart/form-data / Use application/json or multipart/form-data"));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return answer(Problem.of(406, "not-acceptable", "无法提供所要求的格式", "The requested format is not available",
				"本接口返回 application/json / This API answers application/json"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException ex) {
		return answer(Problem.of(405, "method", "不支持该请求方法", "Method not allowed", ex.getMethod()));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Problem> noResource(NoResourceFoundException ex) {
		return answer(Problem.of(404, "not-found", "地址不存在", "No such address", null));
	}

	// --- records: a path variable or parameter that does not read (an id past a long)
	// ---

	/**
	 * An id in the path that cannot be one ({@code /api/v1/parked/99999999999999999999})
	 * names nothing: 404; a query parameter of the wrong type is the caller's mistake:
	 * 422 naming it.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return answer(Problem.of(404, "not-found", "地址不存在", "No such address",
					"路径中的 " + ex.getName() + " 无效 / The path's " + ex.getName() + " names nothing"));
		}
		return answer(ProblemException.invalid(List.of(new FieldError(ex.getName(), "value.invalid",
				"参数 " + ex.getName() + " 的取值无效", "The parameter " + ex.getName() + " has an invalid value")))
			.problem());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException ex) {
		return answer(ProblemException.invalid(List.of(new FieldError(ex.getParameterName(), "required",
				"缺少参数：" + ex.getParameterName(), "A required parameter is missing: " + ex.getParameterName())))
			.problem());
	}

	// --- end records ---

	@ExceptionHandler(Exception.class)
	ResponseEntity<Problem> unexpected(Exception ex) {
		log.error("Unexpected error answering a request", ex);
		return answer(Problem.of(500, "internal", "服务内部错误，请稍后重试", "Internal error, please try again later", null));
	}

	private static ResponseEntity<Problem> answer(Problem problem) {
		return ResponseEntity.status(HttpStatus.valueOf(problem.status())).contentType(PROBLEM).body(problem);
	}

}
