package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/** The drop-box inside the hub: started with the context, for the configured partners. */
@SpringBootTest
class DropboxContextTests {

	@Autowired
	DropboxServer server;

	@Autowired
	HealthEndpoint health;

	@Autowired
	UploadFilter dropboxUploadFilter;

	@org.springframework.beans.factory.annotation.Value("${lianban.dropbox.root}")
	String root;

	@Test
	void startsWithTheContextAndReportsUpWithItsPort() {
		assertThat(this.server.isRunning()).isTrue();
		assertThat(this.server.port()).isPositive();
		Health dropbox = (Health) this.health.healthForPath("dropbox");
		assertThat(dropbox.getStatus()).isEqualTo(Status.UP);
		assertThat(dropbox.getDetails()).containsEntry("port", this.server.port())
			.containsEntry("hostKey", this.server.hostKeyFingerprint());
	}

	@Test
	void theConfiguredPartnersWithAnSftpBlockLogInToTheirOwnFolders() throws IOException {
		assertThat(this.server.partners()).contains("SXPH", "TYFH").doesNotContain("XDHC", "TYPSB");
		assertThat(this.server.layout().inbox("SXPH")).isDirectory()
			.isEqualTo(Path.of(this.root).resolve("SXPH/inbox").toAbsolutePath());
		SshClient client = SshClient.setUpDefaultClient();
		client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
		client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
		client.setServerKeyVerifier((session, address, key) -> KeyUtils.compareKeys(key, this.server.hostPublicKey()));
		client.start();
		try (ClientSession session = client.connect("SXPH", "127.0.0.1", this.server.port())
			.verify(TIMEOUT)
			.getSession()) {
			session.addPasswordIdentity("demo-hospital-sftp");
			session.auth().verify(TIMEOUT);
			try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
				assertThat(sftp.stat("inbox").isDirectory()).isTrue();
			}
		}
		finally {
			client.stop();
		}
	}

	@Test
	void theUploadFilterIsThereForTheInboxRoutes() throws IOException {
		Path inbox = this.server.layout().inbox("SXPH");
		assertThat(
				this.dropboxUploadFilter.isComplete(java.nio.file.Files.writeString(inbox.resolve("a.csv.part"), "x")))
			.isFalse();
		// a file put there some other way than the drop-box, unchanged long enough (0 s
		// in tests)
		Path other = java.nio.file.Files.writeString(inbox.resolve(".filter-check.csv"), "x");
		assertThat(this.dropboxUploadFilter.isComplete(other)).as("a dot-file").isFalse();
		java.nio.file.Files.delete(other);
		java.nio.file.Files.delete(inbox.resolve("a.csv.part"));
	}

}
