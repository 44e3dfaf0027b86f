package cn.shanxi.lianban.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The secrets of {@code application.yaml}: machine clients' API keys, partners' API keys
 * and drop-box passwords, the agencies' SFTP passwords, the partners' own SFTP servers'
 * passwords, the audit log's key, the database password; the demo people and the demo
 * drop-box keys, which production must not have. Each is named by the variable its
 * placeholder reads.
 */
public class ConfiguredSecrets implements SecretSource {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::(.*))?}");

	/**
	 * Property name patterns (regular expressions), what each secret is for, the sibling
	 * property naming its owner, and "optional" for a secret production may go without.
	 */
	private static final List<String[]> SECRETS = List.of(
			new String[] { "lianban\\.security\\.clients\\[\\d+]\\.key", "API key of client", "id" },
			new String[] { "lianban\\.partners\\.list\\[\\d+]\\.api-key", "API key of partner", "code" },
			new String[] { "lianban\\.partners\\.list\\[\\d+]\\.sftp\\.password", "drop-box SFTP password of partner",
					"code" },
			new String[] { "lianban\\.agencies\\.[A-Z_]+\\.endpoint\\.password", "SFTP password of the agency", null },
			new String[] { "lianban\\.certificates\\.remote-sftp\\.sources\\[\\d+]\\.password",
					"password of a partner's SFTP server", "partner" },
			new String[] { "lianban\\.audit\\.key", "the audit log's seal key", null },
			new String[] { "spring\\.datasource\\.password", "the database password", null, "optional" });

	/**
	 * A partner's drop-box public key: no secret, but the embedded default's (the SFTP
	 * demo's) has its private half in the repository ({@code scripts/demo-keys/}).
	 */
	private static final Pattern PUBLIC_KEY = Pattern
		.compile("lianban\\.partners\\.list\\[\\d+]\\.sftp\\.public-keys\\[\\d+]");

	@Override
	public List<Secret> secrets(ConfigurableEnvironment env) {
		List<Secret> secrets = new ArrayList<>();
		secrets.addAll(publicKeys(env));
		for (String name : names(env)) {
			for (String[] secret : SECRETS) {
				if (name.matches(secret[0])) {
					// the database may trust its clients by certificate or network: a
					// password is checked only for a demo value
					secrets.add(secret(env, name, describe(env, name, secret[1], secret[2]), secret.length < 4));
				}
			}
			if (name.equals("lianban.accounts.first-admin.password")) {
				secrets.add(secret(env, name, "the first administrator's password", false));
			}
		}
		// the list as bound: the prod profile's empty one wins over the embedded
		// default's
		int demoPeople = Binder.get(env)
			.bind("lianban.accounts.demo-people", Bindable.listOf(Map.class))
			.map(List::size)
			.orElse(0);
		if (demoPeople > 0) {
			secrets.add(new Secret("lianban.accounts.demo-people", demoPeople + " demo people (演示账户) are configured",
					"demo", "demo", true));
		}
		return secrets;
	}

	/**
	 * The partners' drop-box public keys, each compared by its key (type and base64, not
	 * its comment or options) with every key a placeholder of the configuration defaults
	 * to: the demo key is refused under whichever partner and comment it comes back. A
	 * partner may have none (password only: the variable set to nothing).
	 */
	private static List<Secret> publicKeys(ConfigurableEnvironment env) {
		List<Secret> configured = new ArrayList<>();
		Set<String> demoKeys = new HashSet<>();
		for (String name : names(env)) {
			if (PUBLIC_KEY.matcher(name).matches()) {
				String base = name.substring(0, name.indexOf(".sftp."));
				String partner = env.getProperty(base + ".code");
				Secret secret = secret(env, name, "drop-box SFTP public key of partner " + partner
						+ " (the demo's, whose private half is in the repository: scripts/demo-keys/)", false);
				configured.add(secret);
				if (secret.demoValue() != null) {
					demoKeys.add(keyOf(secret.demoValue()));
				}
			}
		}
		List<Secret> keys = new ArrayList<>();
		for (Secret secret : configured) {
			String key = keyOf(secret.value());
			keys.add(new Secret(secret.variable(), secret.what(), key, demoKeys.contains(key) ? key : null, false));
		}
		return keys;
	}

	/**
	 * The key of an {@code authorized_keys} line: its type and base64 body, without
	 * options before it or the comment after it.
	 */
	static String keyOf(String line) {
		if (line == null || line.isBlank()) {
			return line;
		}
		String[] tokens = line.trim().split("\\s+");
		for (int i = 0; i + 1 < tokens.length; i++) {
			if (tokens[i].matches("(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+") && tokens[i + 1].startsWith("AAAA")) {
				return tokens[i] + " " + tokens[i + 1];
			}
		}
		return line.trim();
	}

	private static String describe(ConfigurableEnvironment env, String name, String what, String key) {
		String base = name.substring(0, name.lastIndexOf('.'));
		if (name.matches(".*\\.sftp\\.password")) {
			base = base.substring(0, base.lastIndexOf('.'));
		}
		if (key != null && env.getProperty(base + "." + key) != null) {
			return what + " " + env.getProperty(base + "." + key);
		}
		if (name.startsWith("lianban.agencies.")) {
			return what + " " + name.split("\\.")[2];
		}
		return what;
	}

	private static Secret secret(ConfigurableEnvironment env, String name, String what, boolean required) {
		String variable = name;
		String demo = null;
		for (PropertySource<?> source : env.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				continue;
			}
			Object raw = source.getProperty(name);
			if (raw != null) {
				Matcher m = PLACEHOLDER.matcher(raw.toString().trim());
				if (m.matches()) {
					variable = m.group(1);
					demo = m.group(2);
				}
				break;
			}
		}
		String value;
		try {
			value = env.getProperty(name);
		}
		catch (IllegalArgumentException ex) {
			// a placeholder without a default and no value
			value = null;
		}
		return new Secret(variable, what, value, (demo != null && !demo.isEmpty()) ? demo : null, required);
	}

	private static List<String> names(ConfigurableEnvironment env) {
		List<String> names = new ArrayList<>();
		for (PropertySource<?> source : env.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable
					&& !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				for (String name : enumerable.getPropertyNames()) {
					if (!names.contains(name)) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

}
