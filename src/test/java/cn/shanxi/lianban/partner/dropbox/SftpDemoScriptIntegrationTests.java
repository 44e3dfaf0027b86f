package cn.shanxi.lianban.partner.dropbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's SFTP demo, as a newcomer runs it, with no terminal: it applies for a new
 * deceased, uploads that person's death certificate with the demo key over OpenSSH's sftp
 * to the hub's drop-box, and prints the receipt (ACCEPTED) and the case, which has
 * proceeded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SftpDemoScriptIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DropboxServer dropbox;

	@Value("${lianban.dropbox.host-key}")
	String hostKey;

	@Test
	void theDemoAppliesUploadsWithTheDemoKeyAndPrintsTheReceiptAndTheCase() throws Exception {
		ProcessBuilder demo = new ProcessBuilder("bash", Path.of("scripts/sftp-dropbox-demo.sh").toString());
		demo.environment().put("HUB", "http://127.0.0.1:" + this.port);
		demo.environment().put("DROPBOX_PORT", String.valueOf(this.dropbox.port()));
		demo.environment().put("DROPBOX_HOST_KEY_PUB", Path.of(this.hostKey + ".pub").toAbsolutePath().toString());
		Path output = Files.createTempFile("sftp-demo", ".out");
		Process process = demo.redirectErrorStream(true).redirectOutput(output.toFile()).start();
		process.getOutputStream().close(); // no terminal, no input
		boolean ended = process.waitFor(120, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly();
		}
		String printed = Files.readString(output, StandardCharsets.UTF_8);

		assertThat(ended).as(printed).isTrue();
		assertThat(process.exitValue()).as(printed).isZero();
		assertThat(printed).containsPattern("Case SX\\d+ applied for")
			.contains("Uploaded inbox/死亡医学证明_")
			.contains("lineNo,certificateNo,outcome,reasonCode,reasonZh,reasonEn")
			.containsPattern("2,\\d{17}[\\dX],ACCEPTED,,,")
			.containsPattern("Case SX\\d+: IN_PROGRESS");
		assertThat(printed).doesNotContain("warning: ");
	}

}
