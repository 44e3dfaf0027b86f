package cn.shanxi.lianban.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The registry of API keys. Keys are held as SHA-256 digests, so a heap dump or a debug
 * print shows no usable key, and looked up in constant time.
 */
@Component
public class ApiKeys {

	private final Map<String, Actor> byDigest = new ConcurrentHashMap<>();

	ApiKeys(ApiClientProperties properties) {
		for (ApiClientProperties.Client c : properties.clients()) {
			if (!StringUtils.hasText(c.key()) || !StringUtils.hasText(c.id()) || c.role() == null) {
				throw new IllegalStateException(
						"lianban.security.clients: every client needs an id, a key and a role (" + c.id() + ")");
			}
			checkRoleDetails(c);
			Actor previous = this.byDigest.put(digest(c.key()),
					Actor.client(c.id(), c.role(), c.channel(), c.serviceCentre(), c.partner(), c.agency()));
			if (previous != null) {
				throw new IllegalStateException(
						"lianban.security.clients: clients " + previous.id() + " and " + c.id() + " share a key");
			}
		}
	}

	private static void checkRoleDetails(ApiClientProperties.Client c) {
		if (c.role().person()) {
			throw new IllegalStateException("lianban.security.clients: client " + c.id() + " has role " + c.role()
					+ ", a role of persons: persons log in as themselves (accounts), machine clients are CHANNEL, "
					+ "PARTNER, AGENCY or MONITOR");
		}
		String missing = switch (c.role()) {
			case CHANNEL -> StringUtils.hasText(c.channel()) ? null : "channel";
			case PARTNER -> StringUtils.hasText(c.partner()) ? null : "partner";
			case AGENCY -> StringUtils.hasText(c.agency()) ? null : "agency";
			default -> null;
		};
		if (missing != null) {
			throw new IllegalStateException(
					"lianban.security.clients: client " + c.id() + " has role " + c.role() + " but no " + missing);
		}
	}

	/** Adds a client at run time (partners from the partner registry). */
	public synchronized void register(String key, Actor client) {
		this.byDigest.put(digest(key), client);
	}

	public Optional<Actor> find(String key) {
		if (!StringUtils.hasText(key)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.byDigest.get(digest(key)));
	}

	static String digest(String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
