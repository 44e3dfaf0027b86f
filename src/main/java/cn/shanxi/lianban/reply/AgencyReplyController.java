package cn.shanxi.lianban.reply;

import java.util.List;

import cn.shanxi.lianban.mapping.LineError;
import cn.shanxi.lianban.mapping.Parsed;
import cn.shanxi.lianban.support.Problem;
import cn.shanxi.lianban.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/agency-replies/{agency}}: an agency's callback, in its own format
 * (JSON, XML, the medical insurance envelope), read with its reply mapping. Every record
 * is answered — applied, or kept and reported (duplicate, unknown reference, backwards,
 * …); a body that does not read is refused whole (422) with the mapping's reasons.
 */
@RestController
class AgencyReplyController {

	private final ReplyReader reader;

	AgencyReplyController(ReplyReader reader) {
		this.reader = reader;
	}

	/** The answer: each record's fate, in order. */
	record Answer(String agency, int applied, int notApplied, List<RecordResult> records) {
	}

	@PostMapping("/api/v1/agency-replies/{agency}")
	ResponseEntity<?> reply(@PathVariable String agency, @RequestBody(required = false) byte[] body,
			@AuthenticationPrincipal Actor client) {
		if (client == null || !agency.equals(client.agency())) {
			return problem(
					Problem.of(403, "agency.mismatch", "该凭据不属于部门 " + agency, "This key is not agency " + agency + "'s",
							"各部门只能用本部门的凭据回调本部门的地址 / " + "An agency calls back on its own path with its own key"));
		}
		String mapping = this.reader.mappingOf(agency).orElse(null);
		if (mapping == null) {
			return problem(Problem.of(404, "agency.noReplies", "部门 " + agency + " 未配置回调格式",
					"No reply format is configured for agency " + agency, "lianban.replies.mappings"));
		}
		Parsed parsed = this.reader.engine().parse(mapping, (body != null) ? body : new byte[0]);
		if (!parsed.isValid() || parsed.records().isEmpty()) {
			List<LineError> errors = parsed.errors().isEmpty()
					? List.of(new LineError(1, null, "EMPTY", "回调内容中没有记录", "The callback holds no record"))
					: parsed.errors();
			return problem(Problem
				.of(422, "reply.unreadable", "回调内容不符合约定格式 " + mapping, "The callback does not read as " + mapping,
						"未办理任何事项，请按 errors 修改后重发 / "
								+ "Nothing was applied: correct every item listed in errors and send again")
				.withErrors(errors.stream().map(LineError::toFieldError).toList()));
		}
		List<RecordResult> results = this.reader.applyAll(agency, parsed);
		int applied = (int) results.stream().filter(RecordResult::applied).count();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Answer(agency, applied, results.size() - applied, results));
	}

	private static ResponseEntity<Problem> problem(Problem problem) {
		return ResponseEntity.status(problem.status())
			.contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
			.body(problem);
	}

}
