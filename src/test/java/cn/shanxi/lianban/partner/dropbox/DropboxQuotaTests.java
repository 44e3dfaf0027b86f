package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.TIMEOUT;
import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A partner's space on the drop-box is bounded, and the SFTP answer says so; names the
 * hub could not give a receipt are refused before any byte is written.
 */
class DropboxQuotaTests {

	@TempDir
	Path dir;

	DropboxFixture dropbox;

	SftpClient sftp;

	Path inbox;

	@BeforeEach
	void startWithASmallQuota() throws IOException {
		UploadLimits limits = new UploadLimits(DataSize.ofMegabytes(512), Map.of("SXPH", DataSize.ofKilobytes(100)),
				null, null, null);
		this.dropbox = DropboxFixture.start(this.dir, limits, partner("SXPH", "hospital-secret"));
		this.sftp = this.dropbox.sftp("SXPH", "hospital-secret");
		this.inbox = this.dropbox.server.layout().inbox("SXPH");
	}

	@AfterEach
	void stop() throws IOException {
		this.sftp.close();
		this.dropbox.close();
	}

	@Test
	void anUploadPastThePartnersQuotaIsRefusedWithAClearMessageAndSetAsideAsCutOff() throws IOException {
		byte[] chunk = new byte[32 * 1024];
		Arrays.fill(chunk, (byte) 'x');
		CloseableHandle handle = this.sftp.open("inbox/big.csv", OpenMode.Write, OpenMode.Create, OpenMode.Truncate);
		SftpException refused = catchThrowableOfType(SftpException.class, () -> {
			for (int i = 0; i < 8; i++) {
				this.sftp.write(handle, (long) i * chunk.length, chunk);
			}
		});
		handle.close();

		assertThat(refused).isNotNull();
		assertThat(refused.getStatus()).isEqualTo(SftpConstants.SSH_FX_QUOTA_EXCEEDED);
		assertThat(refused.getMessage()).contains("quota exceeded: partner SXPH may keep at most 100.0 KB")
			.contains("超出配额");
		assertThat(Files.size(this.inbox.resolve("big.csv.interrupted"))).isLessThanOrEqualTo(100 * 1024);
		assertThat(this.inbox.resolve("big.csv")).doesNotExist();
		assertThat(this.dropbox.ledger.find(this.inbox.resolve("big.csv.interrupted"))).hasValueSatisfying((upload) -> {
			assertThat(upload.state()).isEqualTo(UploadLedger.State.INTERRUPTED);
			assertThat(upload.reasonCode()).isEqualTo(Interruption.QUOTA.code());
		});
	}

	@Test
	void filesSetAsideInErrorCountTowardsTheQuota() throws IOException {
		Path error = this.dropbox.server.layout().error("SXPH");
		Files.write(error.resolve("old.csv"), new byte[100 * 1024]);
		SftpException refused = catchThrowableOfType(SftpException.class,
				() -> this.sftp.open("inbox/one-more.csv", OpenMode.Write, OpenMode.Create).close());
		assertThat(refused).isNotNull();
		assertThat(refused.getStatus()).isEqualTo(SftpConstants.SSH_FX_QUOTA_EXCEEDED);
		assertThat(this.inbox.resolve("one-more.csv")).doesNotExist();
		assertThat(this.dropbox.tracker.uploadsInProgress()).isZero();
	}

	@Test
	void uploadsWithinTheQuotaAreWhole() throws IOException {
		byte[] file = new byte[90 * 1024];
		Arrays.fill(file, (byte) 'y');
		try (CloseableHandle handle = this.sftp.open("inbox/fits.csv", OpenMode.Write, OpenMode.Create)) {
			this.sftp.write(handle, 0, file);
		}
		await().atMost(TIMEOUT).until(() -> this.dropbox.tracker.uploadsInProgress() == 0);
		assertThat(Files.readAllBytes(this.inbox.resolve("fits.csv"))).isEqualTo(file);
		assertThat(this.dropbox.ledger.find(this.inbox.resolve("fits.csv")))
			.hasValueSatisfying((upload) -> assertThat(upload.state()).isEqualTo(UploadLedger.State.CLOSED));
	}

	@Test
	void aNameTooLongForItsReceiptIsRefusedBeforeAnyByteIsWritten() {
		String name = "死".repeat(67) + ".csv"; // 205 bytes of UTF-8
		SftpException refused = catchThrowableOfType(SftpException.class,
				() -> this.sftp.open("inbox/" + name, OpenMode.Write, OpenMode.Create).close());
		assertThat(refused).isNotNull();
		assertThat(refused.getMessage()).contains("file name too long: at most 200 bytes").contains("文件名过长");
		assertThat(this.inbox.resolve(name)).doesNotExist();
	}

}
