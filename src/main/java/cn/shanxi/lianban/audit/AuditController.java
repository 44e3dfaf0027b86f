package cn.shanxi.lianban.audit;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.audit.AuditEntry.Part;
import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for auditors ({@code AUDITOR}): {@code GET /api/v1/audit} filtered by
 * case, person (or client) and time, newest first; {@code GET /api/v1/audit/verify}
 * checks the chain. Reading the log is itself an entry of it.
 */
@RestController
class AuditController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Audit audit;

	private final AuditChain chain;

	AuditController(JdbcClient jdbc, Audit audit, AuditChain chain) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.chain = chain;
	}

	/** One entry as auditors read it. */
	record Line(long id, OffsetDateTime at, String actorKind, String actor, String role, String onBehalfOf,
			String action, String caseNo, String part, String purpose, String sourceIp) {
	}

	record Page(int page, int size, List<Line> entries) {
	}

	@Operation(summary = "Audit entries (AUDITOR), newest first: case=<caseNo>, person=<user name or client id>, "
			+ "from/to=ISO-8601 times, page from 0, size 1-500")
	@GetMapping("/api/v1/audit")
	Page entries(@RequestParam(name = "case", required = false) String caseNo,
			@RequestParam(required = false) String person, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size, @AuthenticationPrincipal Actor auditor) {
		List<FieldError> errors = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (caseNo != null && !caseNo.isBlank()) {
			where.append(" and case_no = ?");
			params.add(caseNo.trim());
		}
		if (person != null && !person.isBlank()) {
			where.append(" and actor_id = ?");
			params.add(person.trim());
		}
		time("from", from, errors).ifPresent((t) -> {
			where.append(" and at >= ?");
			params.add(t);
		});
		time("to", to, errors).ifPresent((t) -> {
			where.append(" and at < ?");
			params.add(t);
		});
		if (page < 0 || size < 1 || size > 500) {
			errors.add(new FieldError("size", "size.range", "page 不小于 0，size 为 1 至 500",
					"page is 0 or more, size 1 to 500"));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		params.add(size);
		params.add((long) page * size);
		List<Line> lines = this.jdbc.sql("""
				select id, at, actor_kind, actor_id, actor_role, on_behalf_of, action, case_no, part, purpose, source_ip
				from audit_entry""" + where + " order by at desc, id desc limit ? offset ?")
			.params(params)
			.query((rs, n) -> new Line(rs.getLong(1), rs.getTimestamp(2).toInstant().atZone(CHINA).toOffsetDateTime(),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
			.list();
		this.audit.record(auditor, AuditEntry.Action.READ, (caseNo != null && !caseNo.isBlank()) ? caseNo.trim() : null,
				Part.AUDIT_LOG, null);
		return new Page(page, size, lines);
	}

	@Operation(summary = "Check the audit log's hash chain (AUDITOR): intact, or which seal and entries do not hold")
	@GetMapping("/api/v1/audit/verify")
	AuditChain.Verification verify() {
		return this.chain.verify();
	}

	private static java.util.Optional<Timestamp> time(String field, String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(Timestamp.from(OffsetDateTime.parse(value.trim()).toInstant()));
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, field + ".format", field + " 应为 ISO-8601 时间，如 2026-12-01T00:00:00+08:00",
					field + " is an ISO-8601 time such as 2026-12-01T00:00:00+08:00"));
			return java.util.Optional.empty();
		}
	}

}
