package cn.shanxi.lianban.account;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in person: who they are (and, for a page's scripts, the CSRF token their
 * session's changes must carry), and their own new password.
 */
@RestController
class MeController {

	private final Accounts accounts;

	private final Passwords passwords;

	MeController(Accounts accounts, Passwords passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
	}

	@Operation(summary = "The logged-in person; csrf: the header and token a page sends with its changes")
	@GetMapping("/api/v1/me")
	Map<String, Object> me(@AuthenticationPrincipal Actor me, HttpServletRequest request) {
		Account account = this.accounts.find(me.id()).orElseThrow();
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return Map.of("account", account, "csrf",
				(csrf != null) ? Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()) : Map.of());
	}

	/** The person's new password, with the current one. */
	record NewPassword(String currentPassword, String newPassword) {
	}

	@Operation(summary = "Change one's own password: currentPassword, newPassword")
	@PostMapping("/api/v1/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void password(@AuthenticationPrincipal Actor me, @RequestBody NewPassword change) {
		String hash = this.accounts.passwordHash(me.id()).orElse(null);
		if (change.currentPassword() == null || !this.passwords.matches(change.currentPassword(), hash)) {
			throw ProblemException.invalid(List
				.of(new FieldError("currentPassword", "password.wrong", "当前密码不正确", "The current password is wrong")));
		}
		List<FieldError> errors = this.passwords.check("newPassword", me.id(), change.newPassword());
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		this.accounts.change(me.id(),
				new Accounts.Change(null, null, null, null, null, this.passwords.hash(change.newPassword()), false));
	}

}
