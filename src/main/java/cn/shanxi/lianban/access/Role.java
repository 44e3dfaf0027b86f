package cn.shanxi.lianban.access;

/**
 * What an {@link Actor} may do. Machine clients (channels, partners, agencies,
 * monitoring) hold API keys; persons log in as themselves.
 */
public enum Role {

	/** A channel the family applies through: portal, mini-program, app, window client. */
	CHANNEL(false),
	/** A hospital, health centre, police unit or funeral home sending certificates. */
	PARTNER(false),
	/** An agency's system sending replies. */
	AGENCY(false),
	/** A monitoring system: health details and metrics, no case. */
	MONITOR(false),
	/** 窗口工作人员: a window clerk, their service centre's cases. */
	CLERK(true),
	/** 运维/业务操作员: every case, parked messages, provenance. */
	OPERATOR(true),
	/** 监督考核: an agency's supervisor, that agency's items. */
	SUPERVISOR(true),
	/** 审计员: the audit log. */
	AUDITOR(true),
	/** 系统管理员: the accounts. */
	ADMIN(true);

	private final boolean person;

	Role(boolean person) {
		this.person = person;
	}

	/** Held by a person (an account), not by a machine client (an API key). */
	public boolean person() {
		return this.person;
	}

	/** The Spring Security authority of the role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
