package cn.shanxi.lianban.account;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts, for administrators ({@code ADMIN}): list, create, change (role, service
 * centre, agency, enabled, a new password, unlock). Disabling an account or changing its
 * role ends the person's sessions on every instance.
 */
@RestController
class AccountController {

	private static final Logger log = LoggerFactory.getLogger(AccountController.class);

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,40}");

	private final Accounts accounts;

	private final Passwords passwords;

	private final FindByIndexNameSessionRepository<?> sessions;

	AccountController(Accounts accounts, Passwords passwords, FindByIndexNameSessionRepository<?> sessions) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.sessions = sessions;
	}

	/** A new account, or a change of one ({@code null}: unchanged). */
	record AccountRequest(String username, String displayName, Role role, String serviceCentre, String agency,
			String password, Boolean enabled, Boolean unlock) {
	}

	@Operation(summary = "Every account (ADMIN)")
	@GetMapping("/api/v1/accounts")
	List<Account> list() {
		return this.accounts.all();
	}

	@Operation(summary = "Create an account (ADMIN): username, displayName, role (CLERK with serviceCentre, "
			+ "SUPERVISOR with agency, OPERATOR, AUDITOR, ADMIN), password")
	@PostMapping("/api/v1/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	Account create(@RequestBody AccountRequest request, @AuthenticationPrincipal Actor admin) {
		List<FieldError> errors = new ArrayList<>();
		if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
			errors.add(new FieldError("username", "username.format", "用户名为2至64个小写字母、数字或 . _ -",
					"A user name is 2 to 64 lower-case letters, digits or . _ -"));
		}
		if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 100) {
			errors.add(new FieldError("displayName", "required", "请填写姓名（至多100字）", "Give the name (up to 100)"));
		}
		checkRole(request.role(), request.serviceCentre(), request.agency(), errors);
		errors.addAll(this.passwords.check("password", request.username(), request.password()));
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		boolean created = this.accounts.create(new Accounts.NewAccount(request.username(), request.displayName(),
				request.role(), request.serviceCentre(), request.agency(), this.passwords.hash(request.password())));
		if (!created) {
			throw ProblemException.conflict("account-exists", "用户名已存在", "This user name is taken", request.username());
		}
		log.info("{} created account {} ({})", admin.id(), request.username(), request.role());
		return this.accounts.find(request.username()).orElseThrow();
	}

	@Operation(summary = "Change an account (ADMIN): any of displayName, role, serviceCentre, agency, enabled, "
			+ "password, unlock")
	@PatchMapping("/api/v1/accounts/{username}")
	Account change(@PathVariable String username, @RequestBody AccountRequest request,
			@AuthenticationPrincipal Actor admin) {
		Account current = this.accounts.find(username)
			.orElseThrow(() -> ProblemException.notFound("账户不存在：" + username, "No account " + username));
		List<FieldError> errors = new ArrayList<>();
		Role role = (request.role() != null) ? request.role() : current.role();
		checkRole(role, (request.serviceCentre() != null) ? request.serviceCentre() : current.serviceCentre(),
				(request.agency() != null) ? request.agency() : current.agency(), errors);
		if (request.password() != null) {
			errors.addAll(this.passwords.check("password", username, request.password()));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		this.accounts.change(username,
				new Accounts.Change(request.displayName(), request.role(), request.serviceCentre(), request.agency(),
						request.enabled(),
						(request.password() != null) ? this.passwords.hash(request.password()) : null,
						Boolean.TRUE.equals(request.unlock())));
		if (Boolean.FALSE.equals(request.enabled()) || (request.role() != null && request.role() != current.role())
				|| request.password() != null) {
			// whatever a session of theirs holds is no longer true
			this.sessions.findByPrincipalName(username).keySet().forEach(this.sessions::deleteById);
		}
		log.info("{} changed account {}", admin.id(), username);
		return this.accounts.find(username).orElseThrow();
	}

	private static void checkRole(Role role, String serviceCentre, String agency, List<FieldError> errors) {
		if (role == null || !role.person()) {
			errors.add(new FieldError("role", "role.unknown", "角色应为 CLERK、OPERATOR、SUPERVISOR、AUDITOR 或 ADMIN",
					"The role is one of CLERK, OPERATOR, SUPERVISOR, AUDITOR, ADMIN"));
			return;
		}
		if (role == Role.CLERK && (serviceCentre == null || !CODE.matcher(serviceCentre).matches())) {
			errors.add(new FieldError("serviceCentre", "serviceCentre.required", "窗口人员须指定所属政务服务中心代码",
					"A clerk needs the code of their service centre"));
		}
		if (role == Role.SUPERVISOR && (agency == null || !CODE.matcher(agency).matches())) {
			errors.add(new FieldError("agency", "agency.required", "监督人员须指定所监督的部门代码",
					"A supervisor needs the code of their agency"));
		}
	}

}
