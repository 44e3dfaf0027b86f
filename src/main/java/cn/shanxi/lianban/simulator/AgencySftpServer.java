package cn.shanxi.lianban.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agencies' SFTP server (police household, civil affairs, and any configured with
 * transport SFTP): one account per agency (its {@code endpoint.username} and
 * {@code endpoint.password}), each jailed in its home under the root. A file is checked
 * by {@link AgencyDesk} when it is renamed to its final name — the hub writes under a
 * temporary name first — and a file the agency refuses makes the rename fail.
 */
final class AgencySftpServer {

	private static final Logger log = LoggerFactory.getLogger(AgencySftpServer.class);

	private final SshServer server;

	private final Path root;

	/** user name → agency code. */
	private final Map<String, String> agencyOfUser;

	AgencySftpServer(AgencyDesk desk, AgencyControl control, Collection<Account> accounts, Path root,
			String bindAddress, int port) {
		this.root = root;
		this.agencyOfUser = accounts.stream()
			.collect(java.util.stream.Collectors.toMap(Account::username, Account::agency));
		Map<String, String> requestFolders = accounts.stream()
			.collect(java.util.stream.Collectors.toMap(Account::username, Account::directory));
		Map<String, String> passwords = accounts.stream()
			.collect(java.util.stream.Collectors.toMap(Account::username, Account::password));
		SshServer ssh = SshServer.setUpDefaultServer();
		ssh.setHost(bindAddress);
		ssh.setPort(port);
		// a fresh host key each start: the hub's routes do not check it in the embedded
		// default (lianban.delivery.sftp.strict-host-key-checking)
		ssh.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
		ssh.setShellFactory(null);
		ssh.setCommandFactory(null);
		ssh.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
		ssh.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
		ssh.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
		ssh.setPasswordAuthenticator((username, password, session) -> {
			String agency = this.agencyOfUser.get(username);
			// an agency that is down refuses logins, as an unreachable server would
			return agency != null && password.equals(passwords.get(username))
					&& control.of(agency).mode() != AgencyControl.Mode.DOWN;
		});
		VirtualFileSystemFactory homes = new VirtualFileSystemFactory();
		for (Account account : accounts) {
			Path home = root.resolve(account.username());
			try {
				Files.createDirectories(home.resolve(account.directory()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Simulated SFTP agencies: cannot create " + home, ex);
			}
			homes.setUserHomeDir(account.username(), home.toAbsolutePath());
		}
		ssh.setFileSystemFactory(homes);
		SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
		sftp.addSftpEventListener(new SftpEventListener() {
			@Override
			public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
				// a session opened before the agency went down fails too
				String agency = AgencySftpServer.this.agencyOfUser.get(session.getUsername());
				if (control.of(agency).mode() == AgencyControl.Mode.DOWN) {
					throw new IOException("agency " + agency + " is down (simulated)");
				}
			}

			@Override
			public void moving(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts)
					throws IOException {
				String agency = AgencySftpServer.this.agencyOfUser.get(session.getUsername());
				if (control.of(agency).mode() == AgencyControl.Mode.DOWN) {
					throw new IOException("agency " + agency + " is down (simulated)");
				}
				// only what the hub delivers (renamed into the request folder) is a
				// request;
				// the hub archiving a result file it collected is not
				Path folder = dstPath.getParent();
				if (folder != null && folder.endsWith(requestFolders.get(session.getUsername()))) {
					desk.file(agency, dstPath.getFileName().toString(), Files.readAllBytes(srcPath));
				}
			}
		});
		ssh.setSubsystemFactories(List.of(sftp));
		this.server = ssh;
	}

	/**
	 * An agency's account.
	 *
	 * @param directory where the hub puts its files, inside the home
	 */
	record Account(String agency, String username, String password, String directory) {
	}

	void start() {
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Simulated SFTP agencies: cannot listen", ex);
		}
		log.info("Simulated SFTP agencies listening on {}:{} for {}, homes in {}", this.server.getHost(), port(),
				this.agencyOfUser, this.root.toAbsolutePath());
	}

	void stop() {
		try {
			this.server.stop(true);
		}
		catch (IOException ex) {
			log.warn("Simulated SFTP agencies did not stop cleanly", ex);
		}
	}

	int port() {
		return this.server.getPort();
	}

}
