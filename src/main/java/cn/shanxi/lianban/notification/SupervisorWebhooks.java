package cn.shanxi.lianban.notification;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where an agency's supervisor is told of an overdue item:
 * {@code lianban.escalation.agencies.<CODE>.webhook-url}, else
 * {@code lianban.escalation.default-webhook-url} with {@code {agency}} replaced by the
 * code. Read when a message is made and sent rather than bound at start-up, so that a URL
 * pointing at this hub's own port (the simulated supervisors of the embedded default)
 * sees the port the server really took.
 */
@Component
class SupervisorWebhooks {

	private final Environment environment;

	SupervisorWebhooks(Environment environment) {
		this.environment = environment;
	}

	Optional<String> urlOf(String agency) {
		String own = this.environment.getProperty("lianban.escalation.agencies." + agency + ".webhook-url");
		if (StringUtils.hasText(own)) {
			return Optional.of(own.trim());
		}
		String fallback = this.environment.getProperty("lianban.escalation.default-webhook-url");
		return StringUtils.hasText(fallback) ? Optional.of(fallback.trim().replace("{agency}", agency))
				: Optional.empty();
	}

}
