package cn.shanxi.lianban.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lianban.security.clients}: the API keys the hub accepts. */
@ConfigurationProperties("lianban.security")
public record ApiClientProperties(List<Client> clients) {

	public ApiClientProperties {
		clients = (clients != null) ? List.copyOf(clients) : List.of();
	}

	/** One key; {@code channel}, {@code partner} or {@code agency} as the role needs. */
	public record Client(String id, String key, ApiClient.Role role, String channel, String partner, String agency) {
	}

}
