package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shanxi.lianban.certificate.TestRecords;
import cn.shanxi.lianban.partner.PartnerRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's own SFTP server (a real one, MINA SSHD in-process) polled through the
 * {@code partner-remote-sftp} route template, made into a route exactly as configured
 * sources are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemoteSftpTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	@Autowired
	CamelContext camel;

	@Autowired
	PartnerRegistry partners;

	@TempDir
	Path partnerServer;

	@TempDir
	Path config;

	SshServer sshd;

	KeyPair hostKey;

	List<String> routes = List.of();

	/**
	 * A host key as an SSH server makes it: of a named type and size. An EC generator
	 * left uninitialised picks its provider's default curve, and BouncyCastle (on the
	 * class path for the password hashes and SM4) picks a 239-bit curve no SSH key type
	 * names.
	 */
	static KeyPair hostKey(String type, int bits) throws Exception {
		return KeyUtils.generateKeyPair(type, bits);
	}

	void startPartnerServer(KeyPair key) throws Exception {
		this.hostKey = key;
		this.sshd = SshServer.setUpDefaultServer();
		this.sshd.setHost("127.0.0.1");
		this.sshd.setPort(0);
		this.sshd.setKeyPairProvider(KeyPairProvider.wrap(this.hostKey));
		this.sshd.setPasswordAuthenticator(
				(user, password, session) -> "lianban".equals(user) && "partner-secret".equals(password));
		this.sshd.setFileSystemFactory(new VirtualFileSystemFactory(this.partnerServer));
		this.sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
		this.sshd.start();
		Files.createDirectories(this.partnerServer.resolve("outbox"));
	}

	@AfterEach
	void stop() throws Exception {
		for (String id : this.routes) {
			this.camel.getRouteController().stopRoute(id);
			this.camel.removeRoute(id);
		}
		if (this.sshd != null) {
			this.sshd.stop(true);
		}
	}

	Path knownHosts(KeyPair key) throws Exception {
		Path file = this.config.resolve("known_hosts-" + System.nanoTime());
		Files.writeString(file,
				"[127.0.0.1]:" + this.sshd.getPort() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
		return file;
	}

	void poll(Path knownHosts) {
		var source = new RemoteSftpProperties.Source("SXPH", "127.0.0.1", this.sshd.getPort(), "outbox", "lianban",
				"partner-secret", null, null, knownHosts.toString(), 200L);
		this.routes = RemoteSftpRoutes.addRoutes(this.camel,
				new RemoteSftpProperties(null, this.config.resolve("work").toString(), List.of(source)), this.partners);
	}

	/**
	 * Every usual host key type is trusted once known, with BouncyCastle present (the
	 * agencies' SFTP servers are reached through the same Camel SFTP client).
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ecdsa-sha2-nistp256, 256", "ecdsa-sha2-nistp384, 384", "ecdsa-sha2-nistp521, 521", "ssh-ed25519, 256",
			"ssh-rsa, 3072" })
	void filesOnAPartnersServerAreTakenInWithTheReceiptWrittenBack(String type, int bits) throws Exception {
		startPartnerServer(hostKey(type, bits));
		String id = TestRecords.idNumber("140105");
		Files.write(this.partnerServer.resolve("outbox/remote.csv"),
				new DeathCsv().add(id, "𠮷田", "I21.9").bytes(GB18030));
		poll(knownHosts(this.hostKey));
		Path receipt = this.partnerServer.resolve("outbox/receipts/remote.csv.receipt.csv");
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(receipt));
		assertThat(new String(Files.readAllBytes(receipt), GB18030))
			.isEqualTo("lineNo,certificateNo,outcome,reasonCode,reasonZh,reasonEn\r\n2," + id + ",ACCEPTED,,,\r\n");
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.exists(this.partnerServer.resolve("outbox/archive/" + today + "/remote.csv")));
		assertThat(this.partnerServer.resolve("outbox/remote.csv")).doesNotExist();
	}

	@Test
	void aServerWhoseHostKeyIsNotKnownIsNotTrusted() throws Exception {
		startPartnerServer(hostKey(KeyPairProvider.ECDSA_SHA2_NISTP256, 256));
		Files.write(this.partnerServer.resolve("outbox/untrusted.csv"),
				new DeathCsv().add(TestRecords.idNumber("140105"), "李大山", "I21.9").bytes(GB18030));
		KeyPair someoneElse = hostKey(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
		poll(knownHosts(someoneElse));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> Files.exists(this.partnerServer.resolve("outbox/untrusted.csv"))
					&& !Files.exists(this.partnerServer.resolve("outbox/receipts")));
	}

}
