package cn.shanxi.lianban.sla;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work items close to their promised time: every agency's (OPERATOR), one's own
 * (SUPERVISOR).
 */
@RestController
class DueSoonController {

	private static final Duration LONGEST = Duration.ofDays(31);

	private final DueSoon dueSoon;

	DueSoonController(DueSoon dueSoon) {
		this.dueSoon = dueSoon;
	}

	/** The answer: the window asked for and the items in it, soonest first. */
	record Answer(Duration within, List<DueSoon.Item> items) {
	}

	@Operation(summary = "Work items due within a window (ISO-8601 duration, default PT4H), soonest first; "
			+ "items past due but not yet escalated come first")
	@GetMapping(path = "/api/v1/work-items/due-soon", produces = MediaType.APPLICATION_JSON_VALUE)
	Answer dueSoon(@RequestParam(defaultValue = "PT4H") String within, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "200") String limit, @AuthenticationPrincipal Actor actor) {
		if (actor != null && actor.is(Role.SUPERVISOR)) {
			// a supervisor sees their own agency's items only
			agency = actor.agency();
		}
		List<FieldError> errors = new ArrayList<>();
		Duration window = null;
		try {
			window = Duration.parse(within);
			if (window.isNegative() || window.isZero() || window.compareTo(LONGEST) > 0) {
				errors.add(new FieldError("within", "within.range", "时间窗口应为正数且不超过31天（如 PT4H）",
						"The window must be positive and at most 31 days (e.g. PT4H)"));
			}
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError("within", "within.format", "时间窗口应为 ISO-8601 时长，如 PT4H 或 P2D",
					"The window must be an ISO-8601 duration such as PT4H or P2D"));
		}
		if (agency != null && !agency.matches("[A-Z_]{1,40}")) {
			errors.add(new FieldError("agency", "agency.format", "部门代码应为大写字母和下划线，如 HRSS",
					"The agency is a code of capitals and underscores, e.g. HRSS"));
		}
		int max = 0;
		try {
			max = Integer.parseInt(limit);
		}
		catch (NumberFormatException ex) {
			max = -1;
		}
		if (max < 1 || max > 1000) {
			errors.add(new FieldError("limit", "limit.range", "limit 应为1至1000", "limit must be 1 to 1000"));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		return new Answer(window, this.dueSoon.within(window, agency, max));
	}

}
