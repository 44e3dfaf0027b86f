package cn.shanxi.lianban.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.access.Role;
import cn.shanxi.lianban.support.FieldError;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * At start: the demo people of the embedded default (one per role, README), and on a
 * fresh deployment the first administrator from {@code LIANBAN_FIRST_ADMIN_USER} and
 * {@code LIANBAN_FIRST_ADMIN_PASSWORD} — only while no enabled administrator exists, so
 * the variables can stay set (or be removed) once the administrator has their account.
 */
@Component
class AccountSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final AccountProperties properties;

	AccountSetup(Accounts accounts, Passwords passwords, AccountProperties properties) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (AccountProperties.DemoPerson p : this.properties.demoPeople()) {
			if (this.accounts.find(p.username()).isEmpty() && this.accounts.create(new Accounts.NewAccount(p.username(),
					p.name(), p.role(), p.serviceCentre(), p.agency(), this.passwords.hash(p.password())))) {
				log.info("Demo person {} ({}) created: the embedded default's, never in production", p.username(),
						p.role());
			}
		}
		firstAdmin();
	}

	private void firstAdmin() {
		AccountProperties.FirstAdmin admin = this.properties.firstAdmin();
		if (this.accounts.anyEnabledAdmin()) {
			return;
		}
		if (!StringUtils.hasText(admin.username())) {
			log.warn("No administrator yet: set LIANBAN_FIRST_ADMIN_USER and LIANBAN_FIRST_ADMIN_PASSWORD and "
					+ "restart to create the first one (尚无系统管理员账户)");
			return;
		}
		List<FieldError> problems = this.passwords.check("LIANBAN_FIRST_ADMIN_PASSWORD", admin.username(),
				admin.password());
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"LIANBAN_FIRST_ADMIN_PASSWORD: " + problems.get(0).messageEn() + " / " + problems.get(0).message());
		}
		if (this.accounts.create(new Accounts.NewAccount(admin.username(), admin.username(), Role.ADMIN, null, null,
				this.passwords.hash(admin.password())))) {
			log.warn("First administrator {} created from LIANBAN_FIRST_ADMIN_USER: log in and give the other "
					+ "persons their accounts", admin.username());
		}
	}

}
