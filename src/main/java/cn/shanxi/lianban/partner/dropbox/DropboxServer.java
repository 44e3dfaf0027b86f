package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The hub's SFTP drop-box: an Apache MINA SSHD server offering SFTP and nothing else, one
 * account per partner, each jailed in its home {@code <root>/<code>/} (MINA's
 * {@link VirtualFileSystemFactory}: the home is the partner's {@code /}, {@code ..} and
 * absolute paths stay inside it). Starts and stops with the Spring context.
 */
public final class DropboxServer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DropboxServer.class);

	private static final Duration GRACE = Duration.ofSeconds(5);

	private final DropboxProperties properties;

	private final DropboxLayout layout;

	private final PartnerAccounts accounts;

	private final UploadTracker tracker;

	private final UploadLimits limits;

	private volatile SshServer server;

	private volatile KeyPair hostKey;

	public DropboxServer(DropboxProperties properties, UploadLimits limits, Collection<Partner> partners,
			UploadTracker tracker) {
		this.properties = properties;
		this.layout = new DropboxLayout(properties.root());
		this.accounts = new PartnerAccounts(partners);
		this.tracker = tracker;
		this.limits = limits;
	}

	@Override
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		this.hostKey = HostKeys.loadOrCreate(this.properties.hostKey(), this.properties.hostKeyType());
		SshServer ssh = SshServer.setUpDefaultServer();
		ssh.setHost(this.properties.bindAddress());
		ssh.setPort(this.properties.port());
		ssh.setKeyPairProvider(KeyPairProvider.wrap(this.hostKey));
		// SFTP only: no shell, no exec, no forwarding of any kind, no other channel
		ssh.setShellFactory(null);
		ssh.setCommandFactory(null);
		ssh.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
		ssh.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
		ssh.setSubsystemFactories(List.of(sftp()));
		ssh.setFileSystemFactory(homes());
		// password and public key, nothing else
		ssh.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
		ssh.setPasswordAuthenticator(this.accounts);
		ssh.setPublickeyAuthenticator(this.accounts);
		ssh.setKeyboardInteractiveAuthenticator(null);
		ssh.setGSSAuthenticator(null);
		ssh.setHostBasedAuthenticator(null);
		CoreModuleProperties.IDLE_TIMEOUT.set(ssh, this.properties.idleTimeout());
		CoreModuleProperties.AUTH_TIMEOUT.set(ssh, this.properties.authTimeout());
		CoreModuleProperties.MAX_AUTH_REQUESTS.set(ssh, this.properties.maxAuthAttempts());
		// no banner, and no product version for scanners to match against
		CoreModuleProperties.SERVER_IDENTIFICATION.set(ssh, "lianban");
		ssh.addSessionListener(new LoginLog());
		try {
			ssh.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"SFTP drop-box: cannot listen on " + this.properties.bindAddress() + ":" + this.properties.port(),
					ex);
		}
		this.server = ssh;
		this.tracker.start();
		log.info("SFTP drop-box listening on {}:{} for partners {}, homes in {}, host key {}",
				this.properties.bindAddress(), ssh.getPort(), this.accounts.codes(), this.layout.root(),
				hostKeyFingerprint());
	}

	@Override
	public synchronized void stop() {
		SshServer ssh = this.server;
		if (ssh == null) {
			return;
		}
		this.server = null;
		this.tracker.stop();
		try {
			// lets open transfers finish their current request, then cuts them off
			if (!ssh.close(false).await(GRACE)) {
				ssh.close(true).await(GRACE);
			}
		}
		catch (IOException ex) {
			log.warn("SFTP drop-box: did not stop cleanly", ex);
		}
		log.info("SFTP drop-box stopped");
	}

	@Override
	public boolean isRunning() {
		SshServer ssh = this.server;
		return ssh != null && ssh.isOpen();
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.enabled();
	}

	/**
	 * The port it listens on (the real one when configured with 0), or -1 when stopped.
	 */
	public int port() {
		SshServer ssh = this.server;
		return (ssh != null) ? ssh.getPort() : -1;
	}

	/** The host key partners see, {@code null} before the first start. */
	public PublicKey hostPublicKey() {
		KeyPair key = this.hostKey;
		return (key != null) ? key.getPublic() : null;
	}

	/** E.g. {@code SHA256:...}, as {@code ssh-keygen -lf} prints it. */
	public String hostKeyFingerprint() {
		PublicKey key = hostPublicKey();
		return (key != null) ? KeyUtils.getFingerPrint(key) : null;
	}

	/** The partners that have an account. */
	public Set<String> partners() {
		return this.accounts.codes();
	}

	public DropboxLayout layout() {
		return this.layout;
	}

	private SftpSubsystemFactory sftp() {
		SftpSubsystemFactory factory = new SftpSubsystemFactory.Builder()
			.withFileSystemAccessor(new JailedFileSystemAccessor())
			.withSftpErrorStatusDataHandler(Refusal.MESSAGES)
			.build();
		// the policies first: a refused upload must not be tracked
		factory.addSftpEventListener(new HomePolicy());
		factory.addSftpEventListener(new QuotaPolicy(this.layout, this.limits, this.tracker));
		factory.addSftpEventListener(this.tracker);
		return factory;
	}

	/** Only partners with an account get a home; anyone else gets no file system. */
	private VirtualFileSystemFactory homes() {
		VirtualFileSystemFactory homes = new VirtualFileSystemFactory();
		for (String code : this.accounts.codes()) {
			homes.setUserHomeDir(code, this.layout.prepare(code));
		}
		return homes;
	}

	private static final class LoginLog implements SessionListener {

		@Override
		public void sessionEvent(Session session, Event event) {
			if (event == Event.Authenticated && session instanceof ServerSession server) {
				log.info("SFTP drop-box: partner {} logged in from {} by {}", server.getUsername(),
						server.getClientAddress(), server.getAttribute(PartnerAccounts.METHOD));
			}
		}

	}

}
