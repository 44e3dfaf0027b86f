package cn.shanxi.lianban.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.TestClock;
import cn.shanxi.lianban.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persons log in as themselves: the login page (its form, the demo people of the embedded
 * default), a session kept in PostgreSQL, CSRF on a session's changes, HTTP Basic for
 * scripts, lockout with back-off, roles, the first administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonLoginIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	AccountProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void clock() {
		this.clock.reset();
	}

	@Test
	void loginPageHasTheFormAndListsTheDemoPeopleOnePerRole() {
		HttpResponse<String> page = new Browser(this.port).get("/login");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
		for (Role role : List.of(Role.CLERK, Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN)) {
			AccountProperties.DemoPerson p = this.properties.demoPeople()
				.stream()
				.filter((d) -> d.role() == role)
				.findFirst()
				.orElseThrow();
			assertThat(page.body()).contains(">" + p.username() + "<", ">" + p.password() + "<");
		}
	}

	@Test
	void aPersonLogsInWithTheFormAndTheSessionLivesInPostgresql() throws Exception {
		Browser browser = new Browser(this.port);
		assertThat(browser.get("/").statusCode()).as("not logged in: to the login page").isEqualTo(302);

		HttpResponse<String> login = browser.logIn("operator", "demo-operator-password");

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("王敏", "OPERATOR");
		JsonNode me = JSON.readTree(browser.get("/api/v1/me").body());
		assertThat(me.path("account").path("username").asText()).isEqualTo("operator");
		// the session is a row every hub instance reads: remove it and the person is out
		assertThat(sessionsOf("operator")).isPositive();
		this.jdbc.sql("delete from spring_session where principal_name = 'operator'").update();
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aSessionsChangesNeedItsCsrfTokenAndAScriptUsesHttpBasic() throws Exception {
		String username = newAccount(Role.OPERATOR, null, null, "first-password-1");
		Browser browser = new Browser(this.port);
		browser.logIn(username, "first-password-1");
		String change = "{\"currentPassword\":\"first-password-1\",\"newPassword\":\"second-password-2\"}";

		HttpResponse<String> forged = browser.postJson("/api/v1/me/password", change);
		JsonNode csrf = JSON.readTree(browser.get("/api/v1/me").body()).path("csrf");
		HttpResponse<String> fromPage = browser.postJson("/api/v1/me/password", change, csrf.path("header").asText(),
				csrf.path("token").asText());

		assertThat(forged.statusCode()).as("no CSRF token: what another site's page could send").isEqualTo(403);
		assertThat(fromPage.statusCode()).isEqualTo(204);
		HubApi api = new HubApi(this.port);
		assertThat(api.get("/api/v1/me", HubApi.person(username, "second-password-2")).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", HubApi.person(username, "first-password-1")).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/applications", HubApi.person(username, "second-password-2")).status())
			.isEqualTo(200);
	}

	@Test
	void failedLoginsLockTheAccountWithBackOff() {
		String username = newAccount(Role.CLERK, "TY-XIAODIAN", null, "the-right-password");
		HubApi api = new HubApi(this.port);
		this.clock.setTo(java.time.Instant.parse("2026-12-01T02:00:00Z"));
		for (int i = 0; i < 5; i++) {
			assertThat(api.get("/api/v1/me", HubApi.person(username, "wrong-" + i)).status()).isEqualTo(401);
		}

		assertThat(api.get("/api/v1/me", HubApi.person(username, "the-right-password")).status())
			.as("locked: even the right password is refused")
			.isEqualTo(401);
		assertThat(new Browser(this.port).logIn(username, "the-right-password").headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?locked"));
		assertThat(this.accounts.find(username).orElseThrow().lockedUntil())
			.isEqualTo(java.time.Instant.parse("2026-12-01T02:01:00Z"));

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(api.get("/api/v1/me", HubApi.person(username, "wrong-again")).status()).isEqualTo(401);
		assertThat(this.accounts.find(username).orElseThrow().lockedUntil()).as("the next failure: twice as long")
			.isEqualTo(java.time.Instant.parse("2026-12-01T02:03:01Z"));
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(api.get("/api/v1/me", HubApi.person(username, "the-right-password")).status()).isEqualTo(200);
		assertThat(this.accounts.find(username).orElseThrow().failedAttempts()).isZero();
	}

	@Test
	void eachRoleReachesOnlyItsOwnPart() {
		HubApi api = new HubApi(this.port);

		assertThat(api.get("/api/v1/accounts", HubApi.ADMIN).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/accounts", HubApi.OPERATOR).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/applications", HubApi.ADMIN).status()).as("an administrator reads no case")
			.isEqualTo(403);
		assertThat(api.get("/api/v1/applications", HubApi.AUDITOR).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/parked", HubApi.CLERK).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/parked", HubApi.OPERATOR).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", HubApi.WEB).status()).as("a machine client is no person").isEqualTo(403);
	}

	@Test
	void anAdministratorCreatesAndDisablesAccountsAndADisabledPersonsSessionEnds() throws Exception {
		HubApi api = new HubApi(this.port);
		String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
		String create = "{\"username\":\"" + username + "\",\"displayName\":\"刘芳\",\"role\":\"CLERK\","
				+ "\"serviceCentre\":\"TY-YINGZE\",\"password\":\"a-long-enough-one\"}";

		assertThat(api.postJson("/api/v1/accounts", HubApi.ADMIN, create).status()).isEqualTo(201);
		assertThat(api.postJson("/api/v1/accounts", HubApi.ADMIN, create).status()).isEqualTo(409);
		assertThat(api
			.postJson("/api/v1/accounts", HubApi.ADMIN,
					"{\"username\":\"x-" + username
							+ "\",\"displayName\":\"刘芳\",\"role\":\"CLERK\",\"password\":\"short\"}")
			.json()
			.path("errors")
			.findValuesAsText("field")).containsExactlyInAnyOrder("serviceCentre", "password");
		Browser browser = new Browser(this.port);
		browser.logIn(username, "a-long-enough-one");
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);

		HubApi.Response disabled = api.patchJson("/api/v1/accounts/" + username, HubApi.ADMIN, "{\"enabled\":false}");

		assertThat(disabled.status()).isEqualTo(200);
		assertThat(browser.get("/api/v1/me").statusCode()).as("the session ended").isEqualTo(401);
		assertThat(api.get("/api/v1/me", HubApi.person(username, "a-long-enough-one")).status()).isEqualTo(401);
	}

	@Test
	void theFirstAdministratorIsCreatedOnlyWhileThereIsNone() {
		String username = "first-admin-" + UUID.randomUUID().toString().substring(0, 8);
		var withFirstAdmin = new AccountProperties(this.properties.lockout(), 12, List.of(),
				new AccountProperties.FirstAdmin(username, "a-strong-first-password"));
		List<String> enabledAdmins = this.jdbc.sql("select username from account where role = 'ADMIN' and enabled")
			.query(String.class)
			.list();
		try {
			new AccountSetup(this.accounts, this.passwords, withFirstAdmin).run(null);
			assertThat(this.accounts.find(username)).as("there is an administrator: none created").isEmpty();

			this.jdbc.sql("update account set enabled = false where role = 'ADMIN'").update();
			new AccountSetup(this.accounts, this.passwords, withFirstAdmin).run(null);

			assertThat(this.accounts.find(username))
				.hasValueSatisfying((a) -> assertThat(a.role()).isEqualTo(Role.ADMIN));
			assertThat(new HubApi(this.port).get("/api/v1/accounts", HubApi.person(username, "a-strong-first-password"))
				.status()).isEqualTo(200);
		}
		finally {
			this.jdbc.sql("delete from account where username = ?").param(username).update();
			this.jdbc.sql("update account set enabled = true where username in (:names)")
				.param("names", enabledAdmins)
				.update();
		}
	}

	private String newAccount(Role role, String serviceCentre, String agency, String password) {
		String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(
				new Accounts.NewAccount(username, "测试", role, serviceCentre, agency, this.passwords.hash(password)));
		return username;
	}

	private int sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

}
