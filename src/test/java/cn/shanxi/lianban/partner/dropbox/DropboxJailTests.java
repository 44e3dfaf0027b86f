package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A partner sees its own home as {@code /} and cannot reach out of it. */
class DropboxJailTests {

	@TempDir
	Path dir;

	DropboxFixture dropbox;

	SftpClient sftp;

	@BeforeEach
	void startServer() throws IOException {
		this.dropbox = DropboxFixture.start(this.dir, partner("SXPH", "hospital-secret"),
				partner("TYFH", "funeral-secret"));
		Files.writeString(this.dropbox.home("TYFH").resolve("inbox/secret.csv"), "other partner's records");
		Files.writeString(this.dir.resolve("outside.txt"), "outside every home");
		this.sftp = this.dropbox.sftp("SXPH", "hospital-secret");
	}

	@AfterEach
	void stopServer() throws IOException {
		this.sftp.close();
		this.dropbox.close();
	}

	@Test
	void parentFoldersAndAbsolutePathsStayInsideTheHome() throws IOException {
		assertThat(this.sftp.canonicalPath("..")).isEqualTo("/");
		assertThat(this.sftp.canonicalPath("/../../..")).isEqualTo("/");
		for (String path : new String[] { "../TYFH/inbox/secret.csv", "/../TYFH/inbox/secret.csv",
				"inbox/../../TYFH/inbox/secret.csv", "../../outside.txt", "/etc/passwd",
				this.dropbox.home("TYFH").resolve("inbox/secret.csv").toString() }) {
			assertRefused(path, SftpConstants.SSH_FX_NO_SUCH_FILE);
		}
	}

	@Test
	void aSymlinkPlacedInTheHomeDoesNotLeadOut() throws IOException {
		Path inbox = this.dropbox.home("SXPH").resolve("inbox");
		Files.createSymbolicLink(inbox.resolve("other"), this.dropbox.home("TYFH"));
		Files.createSymbolicLink(inbox.resolve("up"), Path.of("../../TYFH/inbox/secret.csv"));
		Files.createSymbolicLink(inbox.resolve("outside.txt"), this.dir.resolve("outside.txt"));
		for (String path : new String[] { "inbox/other/inbox/secret.csv", "inbox/up", "inbox/outside.txt" }) {
			assertRefused(path, SftpConstants.SSH_FX_PERMISSION_DENIED);
		}
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.sftp.readDir("inbox/other").iterator().next())
			.withMessageContaining("SSH_FX_PERMISSION_DENIED");
	}

	@Test
	void partnerCannotCreateLinks() {
		assertRefusedWith(() -> this.sftp.symLink("inbox/escape", "/"), SftpConstants.SSH_FX_PERMISSION_DENIED);
		assertRefusedWith(() -> this.sftp.symLink("inbox/escape", "../TYFH"), SftpConstants.SSH_FX_PERMISSION_DENIED);
		assertThat(this.dropbox.home("SXPH").resolve("inbox/escape")).doesNotExist();
	}

	@Test
	void filesAreUploadedOnlyToTheInbox() throws IOException {
		assertRefusedWith(() -> write("receipts/forged.receipt.csv"), SftpConstants.SSH_FX_PERMISSION_DENIED);
		assertRefusedWith(() -> write("error/x.csv"), SftpConstants.SSH_FX_PERMISSION_DENIED);
		assertRefusedWith(() -> write("x.csv"), SftpConstants.SSH_FX_PERMISSION_DENIED);
		assertRefusedWith(() -> this.sftp.mkdir("inbox/sub"), SftpConstants.SSH_FX_PERMISSION_DENIED);
		assertRefusedWith(() -> this.sftp.rmdir("inbox"), SftpConstants.SSH_FX_PERMISSION_DENIED);
		write("inbox/a.csv");
		assertRefusedWith(() -> this.sftp.rename("inbox/a.csv", "receipts/a.csv"),
				SftpConstants.SSH_FX_PERMISSION_DENIED);
		this.sftp.rename("inbox/a.csv", "inbox/b.csv");
		assertThat(this.dropbox.home("SXPH").resolve("inbox/b.csv")).exists();
		assertThat(this.dropbox.home("SXPH").resolve("receipts")).isEmptyDirectory();
		assertThat(this.dropbox.home("SXPH").resolve("error")).isEmptyDirectory();
		assertThat(this.dropbox.tracker.uploadsInProgress()).as("refused uploads are not tracked").isZero();
	}

	@Test
	void partnerMayDeleteReceiptsItFetchedButNotErrors() throws IOException {
		Files.writeString(this.dropbox.home("SXPH").resolve("receipts/a.csv.receipt.csv"), "1,ACCEPTED");
		Files.writeString(this.dropbox.home("SXPH").resolve("error/b.csv.reason"), "unreadable");
		this.sftp.remove("receipts/a.csv.receipt.csv");
		assertRefusedWith(() -> this.sftp.remove("error/b.csv.reason"), SftpConstants.SSH_FX_PERMISSION_DENIED);
		assertThat(this.dropbox.home("SXPH").resolve("receipts/a.csv.receipt.csv")).doesNotExist();
		assertThat(this.dropbox.home("SXPH").resolve("error/b.csv.reason")).exists();
	}

	private void assertRefused(String path, int status) {
		assertThatExceptionOfType(SftpException.class).as(path)
			.isThrownBy(() -> read(path))
			.satisfies((ex) -> assertThat(ex.getStatus()).as(path).isEqualTo(status));
	}

	private static void assertRefusedWith(ThrowingAction action, int status) {
		assertThatExceptionOfType(SftpException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(status));
	}

	private String read(String path) throws IOException {
		try (InputStream in = this.sftp.read(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (UncheckedIOException ex) {
			// the stream opens the file lazily and wraps what the server answered
			throw ex.getCause();
		}
	}

	private void write(String path) throws IOException {
		try (OutputStream out = this.sftp.write(path)) {
			out.write("x".getBytes(StandardCharsets.UTF_8));
		}
	}

	@FunctionalInterface
	interface ThrowingAction {

		void run() throws IOException;

	}

}
