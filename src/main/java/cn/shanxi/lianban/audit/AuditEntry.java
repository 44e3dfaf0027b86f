package cn.shanxi.lianban.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.support.LogText;
import cn.shanxi.lianban.support.Masking;

/**
 * One line of the audit log: who (person or client, and the person a channel acts for),
 * did what to which part of which case, when, from where, why.
 *
 * @param action {@code READ}, {@code CREATE}, {@code CHANGE}, {@code REVEAL} …
 * @param caseNo the case, or {@code null} (a list, a login)
 * @param purpose why, where a screen asks (a reveal); else {@code null}
 * @param sourceIp the caller's address, {@code null} for the hub's own jobs
 */
public record AuditEntry(Instant at, Actor actor, Action action, String caseNo, Part part, String purpose,
		String sourceIp) {

	/** As long as a case number's column. */
	static final int CASE_NO_LENGTH = 24;

	public AuditEntry {
		caseNo = asRecorded(caseNo);
	}

	/**
	 * A case reference as the log keeps it: what a caller asked for may be no case number
	 * at all (a probe of 500 characters, a NUL, a line break), and is still recorded, its
	 * control characters escaped, personal numbers masked and cut to the column's length.
	 */
	static String asRecorded(String caseNo) {
		if (caseNo == null) {
			return null;
		}
		String safe = LogText.of(caseNo);
		if (safe.codePointCount(0, safe.length()) <= CASE_NO_LENGTH) {
			return safe;
		}
		return safe.substring(0, safe.offsetByCodePoints(0, CASE_NO_LENGTH - 1)) + "…";
	}

	/** What was done. */
	public enum Action {

		/** Personal data was read. */
		READ,
		/** Personal data was given to the hub (an application, a material). */
		CREATE,
		/** Personal data was changed. */
		CHANGE,
		/** A masked number was shown in clear on a screen; {@code purpose} says why. */
		REVEAL,
		/**
		 * A read of a case the caller is not entitled to (answered like an unknown case).
		 */
		DENIED,
		/** Entries older than the retention were purged. */
		PURGE

	}

	/** Which part of a case. */
	public enum Part {

		/** The whole case view (form, items, timeline, materials). */
		CASE,
		/** The application form. */
		FORM,
		/** A material (scan). */
		ATTACHMENT,
		/** The list of cases (names of the deceased). */
		CASE_LIST,
		/** The messages sent to the agencies, payloads included. */
		MESSAGES,
		/** An ID number. */
		ID_NUMBER,
		/** A phone number. */
		PHONE,
		/** A bank, card or housing-fund account number. */
		ACCOUNT,
		/** The audit log itself. */
		AUDIT_LOG

	}

	/**
	 * The insert of one entry, as a statement or a CTE of another statement: its values
	 * are {@link #values()}, the action's may be replaced by an expression.
	 */
	static final String COLUMNS = "at, actor_kind, actor_id, actor_role, on_behalf_of, action, case_no, part, purpose, source_ip";

	/** The bound values of {@link #COLUMNS}, in order. */
	public List<Object> values() {
		return java.util.Arrays.asList(Timestamp.from(this.at), this.actor.kind().name(), this.actor.id(),
				(this.actor.role() != null) ? this.actor.role().name() : null,
				(this.actor.onBehalfOf() != null) ? Masking.mask(this.actor.onBehalfOf()) : null, this.action.name(),
				this.caseNo, this.part.name(), this.purpose, this.sourceIp);
	}

	/**
	 * A CTE (named {@code name}) that writes this entry within another statement, so a
	 * read and its audit entry are one round trip. {@code actionSql} replaces the
	 * action's value (e.g. {@code READ} if the read found the case, else {@code DENIED});
	 * its own parameters follow {@link #valuesFor}.
	 */
	public static String cte(String name, String actionSql) {
		return name + " as (insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, " + actionSql
				+ ", ?, ?, ?, ?))";
	}

	/**
	 * A CTE that writes the entry for the case of the row {@code from} (a CTE with
	 * {@code case_no}), e.g. the case an insert has just numbered; its values are
	 * {@link #valuesWithoutCaseNo}.
	 */
	public static String cteSelectingCaseNo(String name, String from) {
		return name + " as (insert into audit_entry (" + COLUMNS + ") select ?, ?, ?, ?, ?, ?, " + from
				+ ".case_no, ?, ?, ? from " + from + ")";
	}

	public List<Object> valuesWithoutCaseNo() {
		List<Object> all = new java.util.ArrayList<>(values());
		all.remove(6);
		return all;
	}

	/** The values of {@link #cte}: all but the action, whose expression binds its own. */
	public List<Object> valuesFor(List<Object> actionParams) {
		List<Object> all = new java.util.ArrayList<>(values());
		all.remove(5);
		all.addAll(5, actionParams);
		return all;
	}

}
