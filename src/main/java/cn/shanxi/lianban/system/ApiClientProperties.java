package cn.shanxi.lianban.system;

import java.util.List;

import cn.shanxi.lianban.access.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.security.clients}: the API keys of the machine clients the hub accepts.
 */
@ConfigurationProperties("lianban.security")
public record ApiClientProperties(List<Client> clients) {

	public ApiClientProperties {
		clients = (clients != null) ? List.copyOf(clients) : List.of();
	}

	/**
	 * One key; {@code channel}, {@code partner} or {@code agency} as the role needs; a
	 * window client may name its {@code service-centre}.
	 */
	public record Client(String id, String key, Role role, String channel, String partner, String agency,
			String serviceCentre) {
	}

}
