package cn.shanxi.lianban.partner.dropbox;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.dropbox}: the hub's SFTP drop-box for partners (an Apache MINA SSHD
 * server inside the hub).
 *
 * @param enabled whether the server runs at all
 * @param bindAddress the address it listens on
 * @param port its port; {@code 0} picks a free one (tests)
 * @param root the folder holding one home per partner, {@code <root>/<code>/inbox} etc.
 * @param hostKey the server's private host key (OpenSSH format); generated on first start
 * and kept, so partners see the same host key after every restart
 * @param hostKeyType the kind of key generated when there is none yet
 * @param idleTimeout a session idle this long is closed
 * @param authTimeout a client that has not logged in after this long is disconnected
 * @param maxAuthAttempts login attempts allowed per connection
 */
@ConfigurationProperties("lianban.dropbox")
public record DropboxProperties(Boolean enabled, String bindAddress, Integer port, Path root, Path hostKey,
		HostKeyType hostKeyType, Duration idleTimeout, Duration authTimeout, Integer maxAuthAttempts) {

	public DropboxProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		bindAddress = (bindAddress != null && !bindAddress.isBlank()) ? bindAddress : "127.0.0.1";
		port = (port != null) ? port : 2222;
		root = (root != null) ? root : Path.of("data/dropbox/partners");
		hostKey = (hostKey != null) ? hostKey : Path.of("data/dropbox/ssh_host_key");
		hostKeyType = (hostKeyType != null) ? hostKeyType : HostKeyType.ECDSA;
		idleTimeout = (idleTimeout != null) ? idleTimeout : Duration.ofMinutes(10);
		authTimeout = (authTimeout != null) ? authTimeout : Duration.ofMinutes(1);
		maxAuthAttempts = (maxAuthAttempts != null) ? maxAuthAttempts : 6;
		if (port < 0 || port > 65535) {
			throw new IllegalStateException("lianban.dropbox.port must be 0-65535, not " + port);
		}
		if (maxAuthAttempts < 1) {
			throw new IllegalStateException("lianban.dropbox.max-auth-attempts must be at least 1");
		}
	}

	/** The defaults, listening on a free port: for tests and tools. */
	public static DropboxProperties onFreePort(Path root, Path hostKey) {
		return new DropboxProperties(true, "127.0.0.1", 0, root, hostKey, null, null, null, null);
	}

	/** The kinds of host key the drop-box can generate. */
	public enum HostKeyType {

		/** ecdsa-sha2-nistp256: understood by every SFTP client of the last decade. */
		ECDSA,
		/** ssh-ed25519: the modern choice; older Java clients (JSch) lack it. */
		ED25519,
		/** RSA 3072 (rsa-sha2-256/512): for the oldest clients. */
		RSA

	}

}
