package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.EnumSet;

import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.TIMEOUT;
import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** The drop-box speaks SFTP and nothing else: no shell, no commands, no tunnels. */
class DropboxSftpOnlyTests {

	@TempDir
	java.nio.file.Path dir;

	DropboxFixture dropbox;

	ClientSession session;

	@BeforeEach
	void login() throws IOException {
		this.dropbox = DropboxFixture.start(this.dir, partner("SXPH", "hospital-secret"));
		this.session = this.dropbox.login("SXPH", "hospital-secret");
		// so that the client hears the server's refusal instead of waiting for output
		CoreModuleProperties.REQUEST_EXEC_REPLY.set(this.session, true);
		CoreModuleProperties.REQUEST_SHELL_REPLY.set(this.session, true);
	}

	@AfterEach
	void stopServer() throws IOException {
		this.session.close();
		this.dropbox.close();
	}

	@Test
	void commandsAreNotRun() throws IOException {
		try (ChannelExec exec = this.session.createExecChannel("touch inbox/pwned")) {
			exec.open().verify(TIMEOUT);
			assertThat(exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT)).contains(ClientChannelEvent.CLOSED)
				.doesNotContain(ClientChannelEvent.TIMEOUT);
			assertThat(exec.getExitStatus()).as("no command ran, so none exited").isNull();
		}
		assertThat(this.dropbox.home("SXPH").resolve("inbox/pwned")).doesNotExist();
	}

	@Test
	void thereIsNoShell() throws IOException {
		try (ChannelShell shell = this.session.createShellChannel()) {
			shell.open().verify(TIMEOUT);
			assertThat(shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT))
				.contains(ClientChannelEvent.CLOSED)
				.doesNotContain(ClientChannelEvent.TIMEOUT);
		}
	}

	@Test
	void localPortForwardingIsRefused() throws IOException {
		try (ServerSocket target = new ServerSocket(0)) {
			ChannelDirectTcpip tunnel = this.session.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0),
					new SshdSocketAddress("127.0.0.1", target.getLocalPort()));
			assertThatException().isThrownBy(() -> tunnel.open().verify(TIMEOUT));
		}
	}

	@Test
	void remotePortForwardingIsRefused() {
		assertThatException().isThrownBy(() -> this.session
			.startRemotePortForwarding(new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress("127.0.0.1", 9)));
	}

}
