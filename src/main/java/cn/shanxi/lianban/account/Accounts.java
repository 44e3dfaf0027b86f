package cn.shanxi.lianban.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.shanxi.lianban.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The accounts table: persons, their roles, their failed logins. */
@Component
public class Accounts {

	private static final String COLUMNS = """
			id, username, display_name, role, service_centre, agency, enabled, failed_attempts, locked_until,
			last_login_at, created_at""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Accounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What an account is created with; {@code passwordHash} already hashed. */
	record NewAccount(String username, String displayName, Role role, String serviceCentre, String agency,
			String passwordHash) {
	}

	public Optional<Account> find(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from account where username = ?")
			.param(username)
			.query(Accounts::account)
			.optional();
	}

	/**
	 * The account a login elsewhere (the province's unified identity platform, 统一身份认证)
	 * stands for: matched by the platform's name and the person's subject there.
	 */
	public Optional<Account> findExternal(String identityProvider, String subject) {
		return this.jdbc
			.sql("select " + COLUMNS + " from account where identity_provider = ? and external_subject = ? and enabled")
			.params(identityProvider, subject)
			.query(Accounts::account)
			.optional();
	}

	public List<Account> all() {
		return this.jdbc.sql("select " + COLUMNS + " from account order by username").query(Accounts::account).list();
	}

	boolean anyEnabledAdmin() {
		return this.jdbc.sql("select exists (select 1 from account where role = 'ADMIN' and enabled)")
			.query(Boolean.class)
			.single();
	}

	/** Creates the account unless the name is taken: answers whether it did. */
	boolean create(NewAccount a) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				insert into account (username, display_name, role, service_centre, agency, password_hash, created_at,
				  updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (username) do nothing
				""")
			.params(a.username(), a.displayName(), a.role().name(), a.serviceCentre(), a.agency(), a.passwordHash(),
					now, now)
			.update() == 1;
	}

	Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from account where username = ?")
			.param(username)
			.query(String.class)
			.optional();
	}

	/**
	 * One more failed login: at {@code threshold} failures in a row and after, the
	 * account is locked, for {@code initial} doubled at each further failure up to
	 * {@code max}. Answers the failures in a row and the lock's end (if locked).
	 */
	Optional<Failure> recordFailure(String username, AccountProperties.Lockout lockout) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update account set failed_attempts = failed_attempts + 1, updated_at = ?,
				  locked_until = case when failed_attempts + 1 >= ?
				    then cast(? as timestamptz) + make_interval(secs => least(?, ? * power(2, failed_attempts + 1 - ?)))
				    else locked_until end
				where username = ?
				returning failed_attempts, locked_until
				""")
			.params(Timestamp.from(now), lockout.threshold(), Timestamp.from(now), lockout.max().toSeconds(),
					lockout.initial().toSeconds(), lockout.threshold(), username)
			.query((rs, n) -> new Failure(rs.getInt(1), instant(rs.getTimestamp(2))))
			.optional();
	}

	record Failure(int inARow, Instant lockedUntil) {
	}

	/**
	 * A good login: the failures are forgotten; a re-hashed password replaces the old.
	 */
	void recordSuccess(String username, String newPasswordHash) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				update account set failed_attempts = 0, locked_until = null, last_login_at = ?, updated_at = ?,
				  password_hash = coalesce(?, password_hash)
				where username = ?
				""").params(now, now, newPasswordHash, username).update();
	}

	/** An administrator's change; {@code null} leaves a value as it is. */
	record Change(String displayName, Role role, String serviceCentre, String agency, Boolean enabled,
			String passwordHash, boolean unlock) {
	}

	boolean change(String username, Change c) {
		return this.jdbc.sql("""
				update account set display_name = coalesce(?, display_name), role = coalesce(?, role),
				  service_centre = coalesce(?, service_centre), agency = coalesce(?, agency),
				  enabled = coalesce(?, enabled), password_hash = coalesce(?, password_hash),
				  failed_attempts = case when ? then 0 else failed_attempts end,
				  locked_until = case when ? then null else locked_until end, updated_at = ?
				where username = ?
				""")
			.params(c.displayName(), (c.role() != null) ? c.role().name() : null, c.serviceCentre(), c.agency(),
					c.enabled(), c.passwordHash(), c.unlock(), c.unlock(), Timestamp.from(this.clock.instant()),
					username)
			.update() == 1;
	}

	private static Account account(ResultSet rs, int n) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getString("service_centre"), rs.getString("agency"),
				rs.getBoolean("enabled"), rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")),
				instant(rs.getTimestamp("last_login_at")), instant(rs.getTimestamp("created_at")));
	}

	private static Instant instant(Timestamp t) {
		return (t != null) ? t.toInstant() : null;
	}

}
