package cn.shanxi.lianban.account;

import java.time.Duration;
import java.util.List;

import cn.shanxi.lianban.access.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.accounts}: how persons log in.
 *
 * @param lockout the back-off after failed logins
 * @param minPasswordLength the shortest password an account may be given
 * @param demoPeople one demo person per role, for the embedded default only (the login
 * page lists them; the prod profile has none and refuses any)
 * @param firstAdmin the administrator created on a fresh deployment, when no enabled
 * administrator exists yet
 */
@ConfigurationProperties("lianban.accounts")
public record AccountProperties(@DefaultValue Lockout lockout, @DefaultValue("12") int minPasswordLength,
		List<DemoPerson> demoPeople, @DefaultValue FirstAdmin firstAdmin) {

	public AccountProperties {
		demoPeople = (demoPeople != null) ? List.copyOf(demoPeople) : List.of();
	}

	/**
	 * After {@code threshold} consecutive failures the account is locked for
	 * {@code initial}, doubled at each further failure up to {@code max}; a good login
	 * (after the lock ends) starts again from nothing.
	 */
	public record Lockout(@DefaultValue("5") int threshold, @DefaultValue("1m") Duration initial,
			@DefaultValue("1h") Duration max) {
	}

	/** A demo person of the embedded default, written in the README. */
	public record DemoPerson(String username, String password, String name, Role role, String serviceCentre,
			String agency) {
	}

	/** {@code LIANBAN_FIRST_ADMIN_USER} / {@code LIANBAN_FIRST_ADMIN_PASSWORD}. */
	public record FirstAdmin(String username, String password) {
	}

}
