package cn.shanxi.lianban.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import cn.shanxi.lianban.audit.Audit;
import cn.shanxi.lianban.audit.AuditEntry;
import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.ProblemException;
import cn.shanxi.lianban.support.QueryParameters;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/applications}: the cases, newest first, paged — every case for
 * operators, their service centre's for clerks, those with an item of their agency for
 * supervisors. Parameters are read as text and checked here, so a wrong one is a 422
 * naming it, in Chinese and English.
 */
@RestController
class CaseListController {

	private static final int LARGEST_PAGE = 200;

	private final CaseListing listing;

	private final Audit audit;

	CaseListController(CaseListing listing, Audit audit) {
		this.listing = listing;
		this.audit = audit;
	}

	@Operation(summary = "Cases for clerks, newest first: filter by status, by an agency with an item in the case, "
			+ "by an item overdue now; page from 0, size 1-200 (default 20)")
	@GetMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
	CaseListing.Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String agency,
			@RequestParam(required = false) String overdue, @RequestParam(defaultValue = "0") String page,
			@RequestParam(defaultValue = "20") String size, @AuthenticationPrincipal Actor actor) {
		List<FieldError> errors = new ArrayList<>();
		CaseStatus caseStatus = null;
		if (status != null && !status.isBlank()) {
			try {
				caseStatus = CaseStatus.valueOf(status.trim());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("status", "status.unknown", "未知的案件状态：" + status + "，可选 " + statuses(),
						"Unknown case status " + status + ", one of " + statuses()));
			}
		}
		String agencyCode = (agency != null && !agency.isBlank()) ? agency.trim() : null;
		if (agencyCode != null && !agencyCode.matches("[A-Z_]{1,40}")) {
			errors.add(new FieldError("agency", "agency.format", "部门代码应为大写字母和下划线，如 HRSS",
					"The agency is a code of capitals and underscores, e.g. HRSS"));
		}
		Boolean overdueOnly = null;
		if (overdue != null && !overdue.isBlank()) {
			if (!overdue.equals("true") && !overdue.equals("false")) {
				errors.add(new FieldError("overdue", "overdue.format", "overdue 应为 true 或 false",
						"overdue must be true or false"));
			}
			else {
				overdueOnly = Boolean.valueOf(overdue);
			}
		}
		int pageNo = QueryParameters.wholeNumber(page, "page", 0, 1_000_000, errors);
		int pageSize = QueryParameters.wholeNumber(size, "size", 1, LARGEST_PAGE, errors);
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		// a clerk sees their service centre's cases, a supervisor those with an item of
		// their agency
		String serviceCentre = actor.is(Role.CLERK) ? actor.serviceCentre() : null;
		if (actor.is(Role.SUPERVISOR)) {
			agencyCode = actor.agency();
		}
		this.audit.read(actor, null, AuditEntry.Part.CASE_LIST);
		return this.listing
			.find(new CaseListing.Query(caseStatus, agencyCode, overdueOnly, pageNo, pageSize, serviceCentre));
	}

	private static String statuses() {
		return Arrays.toString(CaseStatus.values());
	}

}
