package cn.shanxi.lianban.audit;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.audit.AuditEntry.Action;
import cn.shanxi.lianban.audit.AuditEntry.Part;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Use case "audit an access to personal data": one entry, written in the caller's
 * transaction (if any), so a change and its entry commit together. The address comes from
 * the request being answered. Pages (the console, the family's progress page) call
 * {@link #read}, {@link #reveal} and {@link #change}; the case API writes its entries
 * within its own statements ({@link AuditEntry#cte}).
 */
@Component
public class Audit {

	private final JdbcClient jdbc;

	private final Clock clock;

	Audit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** {@code actor} read {@code part} of the case. */
	public void read(Actor actor, String caseNo, Part part) {
		record(actor, Action.READ, caseNo, part, null);
	}

	/**
	 * {@code actor} had a masked number shown in clear; {@code purpose} (what the screen
	 * asked) is required.
	 */
	public void reveal(Actor actor, String caseNo, Part part, String purpose) {
		if (purpose == null || purpose.isBlank()) {
			throw ProblemException.invalid(java.util.List.of(new cn.shanxi.lianban.support.FieldError("purpose",
					"required", "查看完整号码须说明理由", "Say why the number is to be shown in full")));
		}
		record(actor, Action.REVEAL, caseNo, part, purpose.strip());
	}

	/** {@code actor} changed (or gave) {@code part} of the case. */
	public void change(Actor actor, String caseNo, Part part) {
		record(actor, Action.CHANGE, caseNo, part, null);
	}

	public void record(Actor actor, Action action, String caseNo, Part part, String purpose) {
		AuditEntry entry = entry(actor, action, caseNo, part, purpose);
		this.jdbc.sql("insert into audit_entry (" + AuditEntry.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entry.values())
			.update();
	}

	/** The entry for an access now, from the request being answered. */
	public AuditEntry entry(Actor actor, Action action, String caseNo, Part part, String purpose) {
		return new AuditEntry(this.clock.instant(), actor, action, caseNo, part, purpose, sourceIp());
	}

	private static String sourceIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
