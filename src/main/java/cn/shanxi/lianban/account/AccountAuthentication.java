package cn.shanxi.lianban.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A person logs in with user name and password (the login page, or HTTP Basic for
 * scripts). Failures in a row lock the account with back-off; while locked even the right
 * password is refused, without being checked. The principal is the person's
 * {@link cn.shanxi.lianban.access.Actor}.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(AccountAuthentication.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final AccountProperties.Lockout lockout;

	private final Clock clock;

	AccountAuthentication(Accounts accounts, Passwords passwords, AccountProperties properties, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.lockout = properties.lockout();
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		Instant now = this.clock.instant();
		Optional<Account> account = this.accounts.find(username);
		if (account.isPresent() && account.get().lockedAt(now)) {
			log.warn("Login refused for {}: locked until {}", username, account.get().lockedUntil());
			throw new LockedException("locked");
		}
		String hash = account.flatMap((a) -> this.accounts.passwordHash(username)).orElse(null);
		boolean matches = this.passwords.matches(password, hash);
		if (account.isEmpty() || hash == null || !matches || !account.get().enabled()) {
			account.flatMap((a) -> this.accounts.recordFailure(username, this.lockout))
				.ifPresentOrElse(
						(f) -> log.warn("Login failed for {} ({} in a row{})", username, f.inARow(),
								(f.lockedUntil() != null) ? ", locked until " + f.lockedUntil() : ""),
						() -> log.warn("Login failed for an unknown user name"));
			throw new BadCredentialsException("bad credentials");
		}
		this.accounts.recordSuccess(username, this.passwords.needsRehash(hash) ? this.passwords.hash(password) : null);
		log.info("{} logged in ({})", username, account.get().role());
		var actor = account.get().actor();
		return UsernamePasswordAuthenticationToken.authenticated(actor, null,
				List.of(new SimpleGrantedAuthority(actor.role().authority())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
