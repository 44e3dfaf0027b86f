package cn.shanxi.lianban.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.LianbanApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prod profile refuses demo and missing secrets (issue 15: "the prod profile accepts
 * the demo credentials"), naming each by its variable, before anything starts.
 */
class ProductionSecretsTests {

	/** Every secret of the prod profile, set to a value of production's. */
	static Map<String, Object> productionSecrets() {
		Map<String, Object> env = new LinkedHashMap<>();
		for (String variable : List.of("LIANBAN_KEY_WEB", "LIANBAN_KEY_MINI_PROGRAM", "LIANBAN_KEY_APP",
				"LIANBAN_KEY_WINDOW", "LIANBAN_KEY_MONITOR", "LIANBAN_KEY_AGENCY_HRSS",
				"LIANBAN_KEY_AGENCY_MEDICAL_INSURANCE", "LIANBAN_KEY_AGENCY_POLICE_TRAFFIC", "LIANBAN_KEY_PARTNER_SXPH",
				"LIANBAN_KEY_PARTNER_XDHC", "LIANBAN_KEY_PARTNER_TYPSB", "LIANBAN_KEY_PARTNER_TYFH",
				"LIANBAN_SFTP_PASSWORD_SXPH", "LIANBAN_SFTP_PASSWORD_TYFH", "LIANBAN_POLICE_HUKOU_SFTP_PASSWORD",
				"LIANBAN_CIVIL_AFFAIRS_SFTP_PASSWORD")) {
			env.put(variable, "prod-" + variable.toLowerCase() + "-Zq8v");
		}
		env.put("LIANBAN_AUDIT_KEY", "a-production-audit-key-of-at-least-32-characters");
		env.put("LIANBAN_SFTP_PUBLIC_KEY_SXPH", SXPH_KEY);
		return env;
	}

	/** The real hospital's drop-box key (a key of its own, not the demo's). */
	static final String SXPH_KEY = newPublicKey() + " sftp@sxph.example";

	private static String newPublicKey() {
		try {
			return PublicKeyEntry.toString(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theProdProfileWithTheDemoKeysRefusesToStartNamingEachSecretByItsVariable() {
		// what docker-compose asked for before: three keys, the rest left to the demo
		// defaults
		SpringApplication hub = new SpringApplication(LianbanApplication.class);
		hub.setWebApplicationType(WebApplicationType.NONE);
		hub.setAdditionalProfiles("prod");

		assertThatThrownBy(() -> hub.run("--LIANBAN_KEY_WEB=a-real-web-key-4f9c",
				"--LIANBAN_KEY_WINDOW=demo-window-key", "--LIANBAN_KEY_MONITOR=a-real-monitor-key-77d1"))
			.hasMessageContaining("The prod profile refuses to start")
			.hasMessageContaining("LIANBAN_KEY_WINDOW — API key of client window-client: a demo value")
			.hasMessageContaining("LIANBAN_KEY_APP — API key of client sanjintong-app: a demo value")
			.hasMessageContaining("LIANBAN_KEY_MINI_PROGRAM")
			.hasMessageContaining("LIANBAN_KEY_PARTNER_SXPH — API key of partner SXPH")
			.hasMessageContaining("LIANBAN_KEY_PARTNER_TYPSB")
			.hasMessageContaining("LIANBAN_KEY_AGENCY_HRSS")
			.hasMessageContaining("LIANBAN_SFTP_PASSWORD_SXPH — drop-box SFTP password of partner SXPH: a demo value")
			.hasMessageContaining("LIANBAN_SFTP_PASSWORD_TYFH")
			.hasMessageContaining(
					"LIANBAN_POLICE_HUKOU_SFTP_PASSWORD — SFTP password of the agency POLICE_HUKOU: missing")
			.hasMessageContaining("LIANBAN_CIVIL_AFFAIRS_SFTP_PASSWORD")
			.hasMessageContaining("LIANBAN_AUDIT_KEY — the audit log's seal key: missing")
			.hasMessageContaining("LIANBAN_SFTP_PUBLIC_KEY_SXPH — drop-box SFTP public key of partner SXPH")
			.message()
			.doesNotContain("LIANBAN_KEY_WEB ")
			.doesNotContain("a-real-web-key");
	}

	@Test
	void everySecretSetAndNoDemoValueLetsTheProdProfileThrough() {
		assertThat(refusals(productionSecrets())).isEmpty();
	}

	@Test
	void anyOneDemoValueIsEnoughToRefuse() {
		for (String variable : List.of("LIANBAN_KEY_PARTNER_TYFH", "LIANBAN_SFTP_PASSWORD_SXPH", "LIANBAN_AUDIT_KEY")) {
			Map<String, Object> env = productionSecrets();
			env.put(variable, "demo-" + variable.toLowerCase() + "-but-long-enough-to-pass-lengths");

			assertThat(refusals(env)).singleElement().asString().startsWith(variable + " — ");
		}
		Map<String, Object> withoutOne = productionSecrets();
		withoutOne.remove("LIANBAN_KEY_APP");
		assertThat(refusals(withoutOne)).singleElement().asString().startsWith("LIANBAN_KEY_APP — ");
	}

	/**
	 * The SFTP demo's key (its private half in scripts/demo-keys/) is refused however it
	 * comes back: the default left as it is, the repository's .pub (another comment),
	 * with options before it. Password only (the variable set to nothing) passes.
	 */
	@Test
	void theSftpDemosKeyIsRefusedWhateverItsCommentOrOptions() throws Exception {
		String demoPub = Files.readString(Path.of("scripts/demo-keys/sxph-demo-ed25519.pub")).trim();
		Map<String, Object> unset = productionSecrets();
		unset.remove("LIANBAN_SFTP_PUBLIC_KEY_SXPH");
		for (Map<String, Object> env : List.of(unset, with("LIANBAN_SFTP_PUBLIC_KEY_SXPH", demoPub),
				with("LIANBAN_SFTP_PUBLIC_KEY_SXPH", "from=\"10.0.0.0/8\" " + demoPub.replace(" lianban", "  x")))) {
			assertThat(refusals(env)).singleElement()
				.asString()
				.startsWith("LIANBAN_SFTP_PUBLIC_KEY_SXPH — drop-box SFTP public key of partner SXPH")
				.endsWith("a demo value (演示值)");
		}
		assertThat(refusals(with("LIANBAN_SFTP_PUBLIC_KEY_SXPH", ""))).isEmpty();
		assertThat(ConfiguredSecrets.keyOf(demoPub))
			.isEqualTo(ConfiguredSecrets.keyOf(Files.readString(Path.of("src/main/resources/application.yaml"))
				.lines()
				.filter((l) -> l.contains("LIANBAN_SFTP_PUBLIC_KEY_SXPH:"))
				.findFirst()
				.orElseThrow()
				.replaceAll(".*LIANBAN_SFTP_PUBLIC_KEY_SXPH:", "")
				.replace("}", "")));
	}

	private static Map<String, Object> with(String variable, String value) {
		Map<String, Object> env = productionSecrets();
		env.put(variable, value);
		return env;
	}

	@Test
	void theEmbeddedDefaultKeepsItsDemoSecretsAndTheirCheckListsThemAll() {
		StandardEnvironment env = new StandardEnvironment();
		ConfigDataEnvironmentPostProcessor.applyTo(env, new DefaultResourceLoader(), null, List.of());

		assertThat(env.getProperty("lianban.security.refuse-demo-secrets", Boolean.class, false)).isFalse();
		assertThat(ProductionSecretsCheck.refusals(env, SpringFactoriesLoader.loadFactories(SecretSource.class, null)))
			.anySatisfy((line) -> assertThat(line).startsWith("lianban.accounts.demo-people"))
			.anySatisfy((line) -> assertThat(line).startsWith("LIANBAN_KEY_WEB"))
			.hasSizeGreaterThan(15);
	}

	private static List<String> refusals(Map<String, Object> variables) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("variables", new LinkedHashMap<>(variables)));
		ConfigDataEnvironmentPostProcessor.applyTo(env, new DefaultResourceLoader(), null, List.of("prod"));
		assertThat(env.getProperty("lianban.security.refuse-demo-secrets", Boolean.class)).isTrue();
		return new ArrayList<>(
				ProductionSecretsCheck.refusals(env, SpringFactoriesLoader.loadFactories(SecretSource.class, null)));
	}

}
