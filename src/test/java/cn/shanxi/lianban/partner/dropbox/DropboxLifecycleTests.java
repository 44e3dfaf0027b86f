package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.TIMEOUT;
import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

class DropboxLifecycleTests {

	@TempDir
	Path dir;

	@Test
	void stoppingClosesThePortSetsAsideUnfinishedUploadsAndTurnsHealthDown() throws IOException {
		DropboxFixture dropbox = DropboxFixture.start(this.dir, partner("SXPH", "hospital-secret"));
		DropboxHealthIndicator health = new DropboxHealthIndicator(dropbox.server, dropbox.tracker);
		int port = dropbox.server.port();
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		ClientSession session = dropbox.login("SXPH", "hospital-secret");
		SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
		SftpClient.CloseableHandle handle = sftp.open("inbox/a.csv", OpenMode.Write, OpenMode.Create);
		sftp.write(handle, 0, "证书编号".getBytes(StandardCharsets.UTF_8));

		dropbox.close();

		assertThat(dropbox.server.isRunning()).isFalse();
		assertThat(dropbox.server.port()).isEqualTo(-1);
		Health down = health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		Path inbox = dropbox.server.layout().inbox("SXPH");
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(inbox.resolve("a.csv.interrupted")).exists());
		assertThatException().isThrownBy(() -> new Socket("127.0.0.1", port).close());
	}

	@Test
	void aDisabledDropboxDoesNotStartWithTheContext() {
		DropboxProperties disabled = new DropboxProperties(false, null, 0, this.dir.resolve("partners"),
				this.dir.resolve("hostkey"), null, null, null, null);
		DropboxServer server = new DropboxServer(disabled, UploadLimits.defaults(), List.of(partner("SXPH", "x")),
				DropboxFixture.newTracker());
		assertThat(server.isAutoStartup()).isFalse();
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void aPartnerWhoseSftpBlockHasNoWayToLogInStopsTheStart() {
		DropboxProperties properties = DropboxProperties.onFreePort(this.dir.resolve("partners"),
				this.dir.resolve("hostkey"));
		assertThatException()
			.isThrownBy(() -> new DropboxServer(properties, UploadLimits.defaults(), List.of(partner("SXPH", null)),
					DropboxFixture.newTracker()))
			.withMessageContaining("SXPH")
			.withMessageContaining("neither a password nor public-keys");
		assertThatException()
			.isThrownBy(() -> new DropboxServer(properties, UploadLimits.defaults(),
					List.of(partner("SXPH", null, "ssh-ed25519 AAAAnotakey")), DropboxFixture.newTracker()))
			.withMessageContaining("public-keys[0] of partner SXPH");
	}

}
