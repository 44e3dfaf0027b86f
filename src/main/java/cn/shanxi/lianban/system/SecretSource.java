package cn.shanxi.lianban.system;

import java.util.List;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A source of secrets production needs (API keys, SFTP passwords, agency credentials,
 * encryption keys …). Each source lists its own, read from the environment before any
 * bean exists, so that the prod profile refuses to start on a missing or demo one before
 * it opens a port or sends a byte. A source is registered in
 * {@code META-INF/spring.factories} under this interface's name.
 */
public interface SecretSource {

	List<Secret> secrets(ConfigurableEnvironment environment);

	/**
	 * One secret.
	 *
	 * @param variable the environment variable that sets it (or the property, where no
	 * variable does)
	 * @param what what it is for, in a few words
	 * @param value its value; blank = missing
	 * @param demoValue the embedded default's value, if it has one (also refused)
	 * @param required whether production needs it at all (an optional secret is only
	 * checked for a demo value)
	 */
	record Secret(String variable, String what, String value, String demoValue, boolean required) {

		/** Why production refuses it, or {@code null}. */
		public String refusal() {
			if (this.value == null || this.value.isBlank()) {
				return this.required ? "missing (缺少)" : null;
			}
			if (this.value.equals(this.demoValue) || this.value.toLowerCase().startsWith("demo-")) {
				return "a demo value (演示值)";
			}
			return null;
		}

	}

}
