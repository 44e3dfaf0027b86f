package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.certificate.TestRecords;
import cn.shanxi.lianban.partner.dropbox.DropboxServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Partners uploading through the hub's own SFTP drop-box (Apache MINA SSHD) the careless
 * ways: under the final name with a pause mid-file, a GB18030 file paused inside a
 * character, a connection dropped mid-upload, more than the partner's quota. A real MINA
 * client writes byte ranges and pauses; the pause lasts until the drop-folder route has
 * polled again (twice), so the route had every chance to take the half-written file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DropboxUploadIntegrationTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	static final Duration DEADLINE = Duration.ofSeconds(30);

	@Autowired
	DropboxServer server;

	@Autowired
	JdbcClient jdbc;

	final DropFolder hospital = new DropFolder("SXPH");

	final DropFolder funeralHome = new DropFolder("TYFH");

	SshClient client;

	@BeforeEach
	void startClient() {
		this.client = SshClient.setUpDefaultClient();
		this.client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
		this.client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
		this.client
			.setServerKeyVerifier((session, address, key) -> KeyUtils.compareKeys(key, this.server.hostPublicKey()));
		this.client.start();
	}

	@AfterEach
	void stopClient() {
		this.client.stop();
	}

	ClientSession login(String partner, String password) throws IOException {
		ClientSession session = this.client.connect(partner, "127.0.0.1", this.server.port())
			.verify(DEADLINE)
			.getSession();
		session.addPasswordIdentity(password);
		session.auth().verify(DEADLINE);
		return session;
	}

	/** Submissions of the file that read records: none, for a file never read. */
	int read(String fileName) {
		return this.jdbc.sql(
				"select count(*) from partner_submission where file_name like ? and status in ('IN_PROGRESS', 'COMPLETED')")
			.param(fileName + "%")
			.query(Integer.class)
			.single();
	}

	@Test
	void aFileUploadedSlowlyUnderItsFinalNameIsReadOnlyOnceItsWriterHasClosedIt() throws Exception {
		DeathCsv csv = new DeathCsv();
		for (int i = 0; i < 20; i++) {
			csv.add(TestRecords.idNumber("140105"), "李大山", "I21.9");
		}
		byte[] file = csv.bytes(GB18030);
		int eleven = startOfLine(file, 13); // the header and 11 records
		try (ClientSession session = login("SXPH", "demo-hospital-sftp");
				SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
			CloseableHandle handle = sftp.open("inbox/slow.csv", OpenMode.Write, OpenMode.Create, OpenMode.Truncate);
			sftp.write(handle, 0, file, 0, eleven);

			Polls.passOne();
			Polls.passOne();
			assertThat(this.hospital.receipt("slow.csv")).doesNotExist();
			assertThat(this.hospital.home.resolve("inbox/slow.csv")).exists();
			assertThat(read("slow.csv")).isZero();

			sftp.write(handle, eleven, file, eleven, file.length - eleven);
			handle.close();
		}
		String receipt = this.hospital.receiptText("slow.csv", GB18030);
		assertThat(receipt.split("\r\n")).hasSize(21);
		// every record ACCEPTED, none DUPLICATE: none had been taken in from the half
		// file
		assertThat(receipt).doesNotContain("REJECTED").doesNotContain("DUPLICATE");
		assertThat(read("slow.csv")).isOne();
		assertThat(this.hospital.home.resolve("error/slow.csv")).doesNotExist();
	}

	@Test
	void aGb18030FileCutInsideACharacterIsReadWholeOnceItsWriterHasClosedIt() throws Exception {
		String id = TestRecords.idNumber("140105");
		byte[] file = new DeathCsv().add(id, "曹雪芹", "I21.9").bytes(GB18030);
		byte[] name = "曹雪芹".getBytes(GB18030);
		int insideACharacter = indexOf(file, name) + 3; // the second byte of 雪
		try (ClientSession session = login("SXPH", "demo-hospital-sftp");
				SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
			CloseableHandle handle = sftp.open("inbox/cut-in-a-character.csv", OpenMode.Write, OpenMode.Create,
					OpenMode.Truncate);
			sftp.write(handle, 0, file, 0, insideACharacter);

			Polls.passOne();
			Polls.passOne();
			assertThat(this.hospital.home.resolve("error/cut-in-a-character.csv")).doesNotExist();
			assertThat(this.hospital.receipt("cut-in-a-character.csv")).doesNotExist();

			sftp.write(handle, insideACharacter, file, insideACharacter, file.length - insideACharacter);
			handle.close();
		}
		assertThat(this.hospital.receiptText("cut-in-a-character.csv", GB18030)).contains(id + ",ACCEPTED");
		assertThat(this.hospital.home.resolve("error/cut-in-a-character.csv")).doesNotExist();
		assertThat(this.hospital.home.resolve("error/cut-in-a-character.csv.reason")).doesNotExist();
	}

	@Test
	void anUploadCutOffByADroppedConnectionIsNeverReadAndEndsInErrorWithItsReason() throws Exception {
		DeathCsv csv = new DeathCsv();
		for (int i = 0; i < 10; i++) {
			csv.add(TestRecords.idNumber("140105"), "李大山", "I21.9");
		}
		byte[] file = csv.bytes(GB18030);
		int six = startOfLine(file, 7); // the header and 5 whole records
		ClientSession session = login("SXPH", "demo-hospital-sftp");
		SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
		CloseableHandle handle = sftp.open("inbox/dropped.csv", OpenMode.Write, OpenMode.Create, OpenMode.Truncate);
		sftp.write(handle, 0, file, 0, six);
		session.close(true); // the connection drops: no close of the file, no goodbye

		Path error = this.hospital.home.resolve("error");
		await().atMost(DEADLINE)
			.until(() -> Files.exists(error.resolve("dropped.csv.interrupted"))
					&& Files.exists(error.resolve("dropped.csv.interrupted.reason")));
		Polls.passOne();
		assertThat(read("dropped.csv")).isZero();
		assertThat(this.hospital.receipt("dropped.csv")).doesNotExist();
		assertThat(this.hospital.receipt("dropped.csv.interrupted")).doesNotExist();
		assertThat(Files.readAllBytes(error.resolve("dropped.csv.interrupted"))).isEqualTo(Arrays.copyOf(file, six));
		assertThat(new String(Files.readAllBytes(error.resolve("dropped.csv.interrupted.reason")), GB18030))
			.contains("中断")
			.contains("cut off");

		// uploaded again in full: every record is new to the hub
		this.hospital.drop("dropped.csv", file);
		String receipt = this.hospital.receiptText("dropped.csv", GB18030);
		assertThat(receipt.split("\r\n")).hasSize(11);
		assertThat(receipt).doesNotContain("DUPLICATE").doesNotContain("REJECTED");
	}

	@Test
	void anUploadBeyondThePartnersQuotaIsRefusedWithAClearSftpErrorAndNeverRead() throws Exception {
		// the funeral home may keep 1 MB in inbox/ and error/ (src/test/resources/config)
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) 'x');
		SftpException refused;
		try (ClientSession session = login("TYFH", "demo-funeral-sftp");
				SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
			CloseableHandle handle = sftp.open("inbox/too-big.csv", OpenMode.Write, OpenMode.Create, OpenMode.Truncate);
			refused = catchThrowableOfType(SftpException.class, () -> {
				for (int i = 0; i < 40; i++) {
					sftp.write(handle, (long) i * chunk.length, chunk);
				}
			});
			handle.close();
		}
		assertThat(refused).as("the upload was refused").isNotNull();
		assertThat(refused.getMessage()).contains("quota").contains("配额");

		Path error = this.funeralHome.home.resolve("error");
		await().atMost(DEADLINE).until(() -> Files.exists(error.resolve("too-big.csv.interrupted.reason")));
		assertThat(
				new String(Files.readAllBytes(error.resolve("too-big.csv.interrupted.reason")), Charset.forName("GBK")))
			.contains("quota");
		assertThat(this.funeralHome.receipt("too-big.csv")).doesNotExist();
		assertThat(this.jdbc
			.sql("select count(*) from partner_submission where file_name like 'too-big.csv%'"
					+ " and status in ('IN_PROGRESS', 'COMPLETED')")
			.query(Integer.class)
			.single()).as("never read").isZero();
	}

	/** Where the given line (1 = the first) starts. */
	static int startOfLine(byte[] file, int line) {
		int at = 0;
		for (int n = 1; n < line; n++) {
			while (file[at] != '\n') {
				at++;
			}
			at++;
		}
		return at;
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException("not found: " + new String(needle, StandardCharsets.UTF_8));
	}

}
