package cn.shanxi.lianban.partner.dropbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OpenSSH's own clients against the drop-box, as a partner would use them: an ed25519 key
 * made by {@code ssh-keygen}, the host key pinned from the {@code .pub} the hub wrote.
 * Skipped only where OpenSSH's client is not installed.
 */
class OpenSshClientTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	/** A 4-byte GB18030 character (𠮷) and 2-byte ones. */
	private static final byte[] CERTIFICATES = "证书编号,姓名,身份证号\nTY2026000001,张𠮷,140105195001010018\n".getBytes(GB18030);

	@TempDir
	Path dir;

	Path key;

	DropboxFixture dropbox;

	@BeforeEach
	void startServerForAKeyMadeBySshKeygen() throws Exception {
		assumeTrue(onPath("sftp") && onPath("ssh-keygen"), "OpenSSH's sftp and ssh-keygen are not installed");
		this.key = this.dir.resolve("id_ed25519");
		assertThat(run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "tyfh@partner", "-f", this.key.toString())
			.exitCode()).isZero();
		String publicKey = Files.readString(this.dir.resolve("id_ed25519.pub")).trim();
		// a small quota, for the test that passes it
		this.dropbox = DropboxFixture.start(this.dir.resolve("hub"),
				new UploadLimits(DataSize.ofKilobytes(256), null, null, null, null), partner("TYFH", null, publicKey));
		Files.writeString(this.dir.resolve("known_hosts"), "[127.0.0.1]:" + this.dropbox.server.port() + " "
				+ Files.readString(this.dir.resolve("hub/hostkey.pub")));
	}

	@AfterEach
	void stopServer() throws IOException {
		if (this.dropbox != null) {
			this.dropbox.close();
		}
	}

	@Test
	void sftpUploadsAFileWithAChineseNameByteForByteAndFetchesItsReceipt() throws Exception {
		Path local = Files.write(this.dir.resolve("upload.csv"), CERTIFICATES);
		byte[] receipt = "行,结果\n1,ACCEPTED\n".getBytes(GB18030);
		Files.write(this.dropbox.home("TYFH").resolve("receipts/火化证明_𠮷.csv.receipt.csv"), receipt);
		Path batch = Files.writeString(this.dir.resolve("batch"),
				String.join("\n", "cd inbox", "put " + local + " \"火化证明_𠮷.csv.part\"",
						"rename \"火化证明_𠮷.csv.part\" \"火化证明_𠮷.csv\"", "ls -1", "-mkdir /inbox/sub",
						"get \"/receipts/火化证明_𠮷.csv.receipt.csv\" " + this.dir.resolve("receipt.csv"), ""),
				StandardCharsets.UTF_8);

		Result sftp = run(openSsh("sftp", "-b", batch.toString(), "-P", String.valueOf(this.dropbox.server.port()),
				"TYFH@127.0.0.1"));

		assertThat(sftp.exitCode()).as(sftp.output()).isZero();
		assertThat(sftp.output()).contains("火化证明_𠮷.csv");
		Path uploaded = this.dropbox.home("TYFH").resolve("inbox/火化证明_𠮷.csv");
		assertThat(Files.readAllBytes(uploaded)).isEqualTo(CERTIFICATES);
		try (Stream<Path> inbox = Files.list(uploaded.getParent())) {
			assertThat(inbox).containsExactly(uploaded);
		}
		assertThat(Files.readAllBytes(this.dir.resolve("receipt.csv"))).isEqualTo(receipt);
	}

	@Test
	void sftpIsToldWhenAnUploadWouldPassThePartnersQuota() throws Exception {
		Path local = Files.write(this.dir.resolve("big.csv"), new byte[512 * 1024]);
		Path batch = Files.writeString(this.dir.resolve("batch"), "put " + local + " inbox/big.csv\n");

		Result sftp = run(openSsh("sftp", "-b", batch.toString(), "-P", String.valueOf(this.dropbox.server.port()),
				"TYFH@127.0.0.1"));

		// OpenSSH prints the status alone (SFTP v3 knows no "quota exceeded"), not the
		// message; the partner reads why in error/ once the hub has set the upload aside
		assertThat(sftp.exitCode()).as(sftp.output()).isNotZero();
		assertThat(sftp.output()).contains("write remote \"/inbox/big.csv\": Failure");
		assertThat(this.dropbox.home("TYFH").resolve("inbox/big.csv")).doesNotExist();
		Path cutOff = this.dropbox.home("TYFH").resolve("inbox/big.csv.interrupted");
		await().atMost(DropboxFixture.TIMEOUT).untilAsserted(() -> assertThat(cutOff).exists());
		assertThat(this.dropbox.ledger.find(cutOff))
			.hasValueSatisfying((upload) -> assertThat(upload.reasonCode()).isEqualTo(Interruption.QUOTA.code()));
	}

	@Test
	void sshCannotRunACommand() throws Exception {
		Result ssh = run(openSsh("ssh", "-p", String.valueOf(this.dropbox.server.port()), "TYFH@127.0.0.1", "touch",
				"inbox/pwned"));
		assertThat(ssh.exitCode()).as(ssh.output()).isNotZero();
		assertThat(this.dropbox.home("TYFH").resolve("inbox/pwned")).doesNotExist();
	}

	/** Batch mode, this test's key only, the host key pinned, no user configuration. */
	private ProcessBuilder openSsh(String command, String... args) {
		List<String> line = new ArrayList<>(List.of(command, "-F", "/dev/null", "-i", this.key.toString(), "-o",
				"IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o",
				"UserKnownHostsFile=" + this.dir.resolve("known_hosts")));
		line.addAll(Arrays.asList(args));
		return new ProcessBuilder(line);
	}

	private Result run(String... command) throws Exception {
		return run(new ProcessBuilder(command));
	}

	private Result run(ProcessBuilder builder) throws Exception {
		Path output = Files.createTempFile(this.dir, "process", ".out");
		builder.environment().put("LC_ALL", "C.UTF-8");
		Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(builder.command() + " did not finish: " + Files.readString(output));
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private static boolean onPath(String program) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch((folder) -> Files.isExecutable(Path.of(folder, program)));
	}

	private record Result(int exitCode, String output) {
	}

}
