package cn.shanxi.lianban.partner.dropbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.component.file.GenericFile;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.TIMEOUT;
import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** A file still being uploaded is never taken for a whole one. */
class DropboxUploadTests {

	private static final byte[] FIRST_HALF = "证书编号,姓名\n140105195001010018,".getBytes(StandardCharsets.UTF_8);

	private static final byte[] SECOND_HALF = "张三\n".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	DropboxFixture dropbox;

	UploadFilter filter;

	ClientSession session;

	SftpClient sftp;

	Path inbox;

	@BeforeEach
	void login() throws IOException {
		this.dropbox = DropboxFixture.start(this.dir, partner("SXPH", "hospital-secret"));
		this.filter = new UploadFilter(this.dropbox.tracker, this.dropbox.ledger, Duration.ZERO);
		this.session = this.dropbox.login("SXPH", "hospital-secret");
		this.sftp = SftpClientFactory.instance().createSftpClient(this.session);
		this.inbox = this.dropbox.server.layout().inbox("SXPH");
	}

	@AfterEach
	void stopServer() throws IOException {
		this.session.close();
		this.dropbox.close();
	}

	@Test
	void aFileStillBeingWrittenIsReportedAsSuchUntilItIsClosed() throws IOException {
		Path file = this.inbox.resolve("a.csv");
		CloseableHandle handle = this.sftp.open("inbox/a.csv", OpenMode.Write, OpenMode.Create, OpenMode.Truncate);
		this.sftp.write(handle, 0, FIRST_HALF);
		assertThat(file).exists();
		assertThat(this.dropbox.tracker.isBeingWritten(file)).isTrue();
		assertThat(this.filter.accept(camelFile(file))).isFalse();
		assertThat(this.dropbox.tracker.uploadsInProgress()).isOne();

		this.sftp.write(handle, FIRST_HALF.length, SECOND_HALF);
		handle.close();

		assertThat(this.dropbox.tracker.isBeingWritten(file)).isFalse();
		assertThat(this.filter.accept(camelFile(file))).isTrue();
		assertThat(file).hasContent("证书编号,姓名\n140105195001010018,张三");
	}

	@Test
	void readingAFileDoesNotMarkIt() throws IOException {
		Path file = Files.writeString(this.inbox.resolve("b.csv"), "x");
		try (CloseableHandle handle = this.sftp.open("inbox/b.csv", OpenMode.Read)) {
			assertThat(this.dropbox.tracker.isBeingWritten(file)).isFalse();
		}
	}

	@Test
	void renamingAnOpenUploadMovesTheMarkToTheNewName() throws IOException {
		CloseableHandle handle = this.sftp.open("inbox/c.csv.part", OpenMode.Write, OpenMode.Create);
		this.sftp.write(handle, 0, FIRST_HALF);
		this.sftp.rename("inbox/c.csv.part", "inbox/c.csv");
		assertThat(this.dropbox.tracker.isBeingWritten(this.inbox.resolve("c.csv"))).isTrue();
		assertThat(this.filter.isComplete(this.inbox.resolve("c.csv"))).isFalse();
		handle.close();
		assertThat(this.filter.isComplete(this.inbox.resolve("c.csv"))).isTrue();
	}

	@Test
	void anUploadCutOffByALostConnectionIsSetAsideNotTakenForAWholeFile() throws IOException {
		CloseableHandle handle = this.sftp.open("inbox/d.csv", OpenMode.Write, OpenMode.Create);
		this.sftp.write(handle, 0, FIRST_HALF);
		this.session.close(true);

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.inbox.resolve("d.csv.interrupted")).exists());
		assertThat(this.inbox.resolve("d.csv")).doesNotExist();
		assertThat(Files.readAllBytes(this.inbox.resolve("d.csv.interrupted"))).isEqualTo(FIRST_HALF);
		assertThat(this.filter.isComplete(this.inbox.resolve("d.csv.interrupted"))).isFalse();
		assertThat(this.dropbox.tracker.uploadsInProgress()).isZero();
	}

	@Test
	void aSecondCutOffUploadOfTheSameNameKeepsTheFirst() throws IOException {
		Files.writeString(this.inbox.resolve("e.csv.interrupted"), "the first attempt");
		CloseableHandle handle = this.sftp.open("inbox/e.csv", OpenMode.Write, OpenMode.Create);
		this.sftp.write(handle, 0, FIRST_HALF);
		this.session.close(true);

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.inbox.resolve("e.csv.interrupted.2")).exists());
		assertThat(this.inbox.resolve("e.csv.interrupted")).hasContent("the first attempt");
	}

	@Test
	void anUploadThatCouldNotEvenBeOpenedLeavesNoMark() throws IOException {
		Files.createDirectory(this.inbox.resolve("f.csv"));
		assertThatExceptionOfType(SftpException.class)
			.isThrownBy(() -> this.sftp.open("inbox/f.csv", OpenMode.Write, OpenMode.Create));
		assertThat(this.dropbox.tracker.uploadsInProgress()).isZero();
		assertThat(this.dropbox.tracker.isBeingWritten(this.inbox.resolve("f.csv"))).isFalse();
	}

	@Test
	void temporaryNamesAreNeverTakenForAWholeFile() throws IOException {
		for (String name : new String[] { ".a.csv", "a.csv.part", "a.csv.PART", "a.csv.filepart", "a.csv.tmp",
				"a.csv.interrupted", "a.csv.interrupted.2" }) {
			Files.writeString(this.inbox.resolve(name), "x");
			assertThat(this.filter.isComplete(this.inbox.resolve(name))).as(name).isFalse();
		}
		assertThat(this.filter.isComplete(Files.writeString(this.inbox.resolve("死亡医学证明.csv"), "x"))).isTrue();
	}

	private static GenericFile<File> camelFile(Path path) {
		GenericFile<File> file = new GenericFile<>();
		file.setAbsoluteFilePath(path.toString());
		file.setFile(path.toFile());
		file.setFileName(path.getFileName().toString());
		return file;
	}

}
