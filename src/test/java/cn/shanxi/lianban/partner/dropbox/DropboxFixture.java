package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import cn.shanxi.lianban.TestDatabase;
import cn.shanxi.lianban.partner.PartnerKind;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerProperties.Sftp;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.cipher.ECCurves;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real drop-box server on a free port with its homes and host key in a temporary
 * folder, and a real MINA client that trusts only that server's host key.
 */
final class DropboxFixture implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	final Path dir;

	final UploadLedger ledger = ledger();

	final UploadTracker tracker = new UploadTracker(this.ledger, Duration.ofSeconds(15));

	final DropboxServer server;

	private final SshClient client;

	private volatile PublicKey hostKeySeen;

	private DropboxFixture(Path dir, UploadLimits limits, List<Partner> partners) {
		this.dir = dir;
		this.server = new DropboxServer(DropboxProperties.onFreePort(dir.resolve("partners"), dir.resolve("hostkey")),
				limits, partners, this.tracker);
		this.server.start();
		this.client = SshClient.setUpDefaultClient();
		// nothing from the machine's ~/.ssh: only what each test hands over
		this.client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
		this.client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
		this.client
			.setServerKeyVerifier((session, address, key) -> KeyUtils.compareKeys(key, this.server.hostPublicKey()));
		this.client.start();
	}

	static DropboxFixture start(Path dir, Partner... partners) {
		return new DropboxFixture(dir, UploadLimits.defaults(), List.of(partners));
	}

	static DropboxFixture start(Path dir, UploadLimits limits, Partner... partners) {
		return new DropboxFixture(dir, limits, List.of(partners));
	}

	/** A tracker on this test run's database, for a server started by the test itself. */
	static UploadTracker newTracker() {
		return new UploadTracker(ledger(), Duration.ofSeconds(15));
	}

	/** The upload ledger on this test run's database, as the hub has it. */
	private static UploadLedger ledger() {
		DataSource db = TestDatabase.migrated();
		return new UploadLedger(JdbcClient.create(db), new TransactionTemplate(new DataSourceTransactionManager(db)));
	}

	static Partner partner(String code, String password, String... publicKeys) {
		return new Partner(code, code + " 医院", PartnerKind.HOSPITAL, "140105", Set.of("DEATH_MEDICAL"), null,
				new Sftp(password, List.of(publicKeys)), StandardCharsets.UTF_8, "CSV");
	}

	static Partner partnerWithoutSftp(String code) {
		return new Partner(code, code + " 医院", PartnerKind.HOSPITAL, "140105", Set.of("DEATH_MEDICAL"), null, null,
				StandardCharsets.UTF_8, "CSV");
	}

	static KeyPair ed25519() throws GeneralSecurityException {
		return SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA).generateKeyPair();
	}

	static KeyPair rsa() throws GeneralSecurityException {
		KeyPairGenerator generator = SecurityUtils.getKeyPairGenerator(KeyUtils.RSA_ALGORITHM);
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	static KeyPair ecdsa() throws GeneralSecurityException {
		KeyPairGenerator generator = SecurityUtils.getKeyPairGenerator(KeyUtils.EC_ALGORITHM);
		generator.initialize(ECCurves.nistp256.getParameters());
		return generator.generateKeyPair();
	}

	/** The {@code authorized_keys} line of a key pair, as a partner would send it. */
	static String authorizedKey(KeyPair pair) {
		return PublicKeyEntry.toString(pair.getPublic()) + " partner@example";
	}

	ClientSession connect(String user) throws IOException {
		return this.client.connect(user, "127.0.0.1", this.server.port()).verify(TIMEOUT).getSession();
	}

	ClientSession login(String user, String password) throws IOException {
		ClientSession session = connect(user);
		session.addPasswordIdentity(password);
		session.auth().verify(TIMEOUT);
		return session;
	}

	ClientSession login(String user, KeyPair key) throws IOException {
		ClientSession session = connect(user);
		session.addPublicKeyIdentity(key);
		session.auth().verify(TIMEOUT);
		return session;
	}

	SftpClient sftp(String user, String password) throws IOException {
		return SftpClientFactory.instance().createSftpClient(login(user, password)).singleSessionInstance();
	}

	/** The host key the server presented to the client at the last connection. */
	PublicKey hostKeySeen() {
		return this.hostKeySeen;
	}

	Path home(String code) {
		return this.server.layout().home(code);
	}

	@Override
	public void close() throws IOException {
		this.client.stop();
		this.server.stop();
	}

}
