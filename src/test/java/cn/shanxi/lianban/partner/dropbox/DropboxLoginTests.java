package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.authorizedKey;
import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DropboxLoginTests {

	@TempDir
	Path dir;

	KeyPair ed25519;

	KeyPair rsa;

	KeyPair ecdsa;

	DropboxFixture dropbox;

	@BeforeEach
	void startServer() throws Exception {
		this.ed25519 = DropboxFixture.ed25519();
		this.rsa = DropboxFixture.rsa();
		this.ecdsa = DropboxFixture.ecdsa();
		this.dropbox = DropboxFixture.start(
				this.dir, partner("SXPH", "hospital-secret"), partner("TYFH", null, "# the funeral home's keys",
						authorizedKey(this.ed25519), authorizedKey(this.rsa), authorizedKey(this.ecdsa)),
				DropboxFixture.partnerWithoutSftp("NOSFTP"));
	}

	@AfterEach
	void stopServer() throws IOException {
		this.dropbox.close();
	}

	@Test
	void partnerLogsInWithItsPasswordUploadsToItsInboxAndReadsItsReceipts() throws IOException {
		Files.writeString(this.dropbox.home("SXPH").resolve("receipts/a.csv.receipt.csv"), "1,ACCEPTED\n");
		try (SftpClient sftp = this.dropbox.sftp("SXPH", "hospital-secret")) {
			try (OutputStream out = sftp.write("inbox/a.csv")) {
				out.write("证书编号,姓名\n".getBytes(StandardCharsets.UTF_8));
			}
			assertThat(names(sftp, "/")).containsExactlyInAnyOrder("inbox", "receipts", "error");
			assertThat(names(sftp, "inbox")).containsExactly("a.csv");
			try (InputStream in = sftp.read("receipts/a.csv.receipt.csv")) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1,ACCEPTED\n");
			}
		}
		assertThat(this.dropbox.home("SXPH").resolve("inbox/a.csv")).hasContent("证书编号,姓名");
		assertThat(this.dropbox.tracker.isBeingWritten(this.dropbox.home("SXPH").resolve("inbox/a.csv"))).isFalse();
	}

	@Test
	void partnerLogsInWithItsEd25519RsaAndEcdsaKeys() throws IOException {
		for (KeyPair key : List.of(this.ed25519, this.rsa, this.ecdsa)) {
			try (ClientSession session = this.dropbox.login("TYFH", key);
					SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
				assertThat(names(sftp, "/")).containsExactlyInAnyOrder("inbox", "receipts", "error");
			}
		}
	}

	@Test
	void wrongPasswordIsRefused() {
		assertThatExceptionOfType(SshException.class).isThrownBy(() -> this.dropbox.login("SXPH", "hospital-secreT"));
		assertThatExceptionOfType(SshException.class).isThrownBy(() -> this.dropbox.login("SXPH", "hospital-secret "));
	}

	@Test
	void unknownUserAndPartnerWithoutSftpAccountAreRefused() {
		assertThatExceptionOfType(SshException.class).isThrownBy(() -> this.dropbox.login("root", "hospital-secret"));
		assertThatExceptionOfType(SshException.class).isThrownBy(() -> this.dropbox.login("NOSFTP", "anything"));
		assertThat(this.dropbox.server.partners()).containsExactlyInAnyOrder("SXPH", "TYFH");
		assertThat(this.dropbox.dir.resolve("partners/NOSFTP")).doesNotExist();
	}

	@Test
	void unknownKeyIsRefused() throws Exception {
		KeyPair stranger = DropboxFixture.ed25519();
		assertThatExceptionOfType(SshException.class).isThrownBy(() -> this.dropbox.login("TYFH", stranger));
	}

	@Test
	void aPartnersKeyDoesNotOpenAnotherPartnersAccount() {
		assertThatExceptionOfType(SshException.class).isThrownBy(() -> this.dropbox.login("SXPH", this.ed25519));
	}

	@Test
	void passwordLoginIsRefusedForAKeyOnlyPartner() {
		assertThatExceptionOfType(SshException.class).isThrownBy(() -> this.dropbox.login("TYFH", "anything"));
		assertThatExceptionOfType(SshException.class).isThrownBy(() -> this.dropbox.login("TYFH", "null"));
	}

	private static List<String> names(SftpClient sftp, String path) throws IOException {
		List<String> names = new ArrayList<>();
		for (SftpClient.DirEntry entry : sftp.readDir(path)) {
			if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
				names.add(entry.getFilename());
			}
		}
		return names;
	}

}
