package cn.shanxi.lianban.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A value from outside that a library logs cannot write a log line of its own. */
// the context every web test shares: another one would be another hub polling and
// relaying
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ForgedLogLinesTests {

	@Test
	void aLineBreakInALoggedValueIsEscapedWhoeverLogsIt(CapturedOutput output) {
		String forged = "2026-01-01T00:00:00.000+08:00 ERROR 1 --- [main] forged : FORGED";
		LoggerFactory.getLogger("org.apache.sshd.sftp.server.SftpSubsystem")
			.warn("closeAllHandles({}) failed to close handle={}: {}", "session", "/inbox/x\r\n" + forged, "null");

		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith(forged));
		assertThat(output.getAll()).contains("handle=/inbox/x\\r\\n" + forged + ": null");
	}

	@Test
	void aMessageMeantToSpanLinesStaysAsItIs(CapturedOutput output) {
		LoggerFactory.getLogger("org.apache.camel.example").info("Routes startup:\n    Started route1 ({})", "timer");

		assertThat(output.getAll()).contains("Routes startup:\n    Started route1 (timer)");
	}

}
