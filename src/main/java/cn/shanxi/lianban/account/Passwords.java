package cn.shanxi.lianban.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.shanxi.lianban.support.FieldError;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashes: Argon2id (OWASP's first choice; 16 MiB, 2 passes) written as
 * {@code {argon2}…}; bcrypt hashes are still read and replaced at the next good login.
 * And the rule a new password must meet.
 */
@Component
public class Passwords {

	private final PasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", Map.of("argon2",
			Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));

	/** Compared against when the user is unknown, so the answer takes the same time. */
	private final String unknownUser = this.encoder.encode("no such user, the same work");

	private final int minLength;

	Passwords(AccountProperties properties) {
		this.minLength = properties.minPasswordLength();
	}

	public String hash(String password) {
		return this.encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		return this.encoder.matches(password, (hash != null) ? hash : this.unknownUser);
	}

	boolean needsRehash(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

	/** What is wrong with a new password, field by field (empty: nothing). */
	List<FieldError> check(String field, String username, String password) {
		List<FieldError> errors = new ArrayList<>();
		if (password == null || password.length() < this.minLength) {
			errors.add(new FieldError(field, "password.short", "密码至少 " + this.minLength + " 个字符",
					"A password has at least " + this.minLength + " characters"));
		}
		else if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			errors.add(new FieldError(field, "password.username", "密码不得包含用户名",
					"A password must not contain the user name"));
		}
		return errors;
	}

}
