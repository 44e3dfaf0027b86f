package cn.shanxi.lianban.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Production refuses to start with a missing secret or a demo one
 * ({@code lianban.security.refuse-demo-secrets}, true under the prod profile), listing
 * every such secret by its variable. It runs on the environment, before any bean: no port
 * is opened, no SFTP account is served, nothing is sent. Every {@link SecretSource} of
 * {@code spring.factories} contributes its secrets.
 */
public class ProductionSecretsCheck implements EnvironmentPostProcessor, Ordered {

	@Override
	public int getOrder() {
		// after the configuration files and the profile's are read
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (!env.getProperty("lianban.security.refuse-demo-secrets", Boolean.class, false)) {
			return;
		}
		List<String> refused = refusals(env, SpringFactoriesLoader.loadFactories(SecretSource.class, null));
		if (!refused.isEmpty()) {
			throw new IllegalStateException("The prod profile refuses to start: " + refused.size()
					+ " secret(s) missing or demo values (生产环境拒绝启动：以下密钥缺失或为演示值). Set each variable:\n  "
					+ String.join("\n  ", refused));
		}
	}

	/** One line per refused secret: {@code VARIABLE — what: why}, each variable once. */
	static List<String> refusals(ConfigurableEnvironment env, List<SecretSource> sources) {
		Map<String, String> byVariable = new LinkedHashMap<>();
		for (SecretSource source : sources) {
			for (SecretSource.Secret secret : source.secrets(env)) {
				String why = secret.refusal();
				if (why != null) {
					byVariable.putIfAbsent(secret.variable(), secret.variable() + " — " + secret.what() + ": " + why);
				}
			}
		}
		return new ArrayList<>(byVariable.values());
	}

}
