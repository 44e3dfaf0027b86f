package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static cn.shanxi.lianban.partner.dropbox.DropboxFixture.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Partners pin the drop-box's host key: it must survive every restart. */
class HostKeysTests {

	@TempDir
	Path dir;

	@Test
	void theServerPresentsTheSameHostKeyAfterARestart() throws IOException {
		PublicKey first;
		try (DropboxFixture dropbox = DropboxFixture.start(this.dir, partner("SXPH", "hospital-secret"))) {
			dropbox.login("SXPH", "hospital-secret").close();
			first = dropbox.hostKeySeen();
		}
		String keyFile = Files.readString(this.dir.resolve("hostkey"));
		try (DropboxFixture restarted = DropboxFixture.start(this.dir, partner("SXPH", "hospital-secret"))) {
			restarted.login("SXPH", "hospital-secret").close();
			assertThat(KeyUtils.compareKeys(restarted.hostKeySeen(), first)).isTrue();
		}
		assertThat(Files.readString(this.dir.resolve("hostkey"))).isEqualTo(keyFile);
	}

	@Test
	void theKeyIsKeptInOpenSshFormatReadableOnlyByItsOwnerWithItsPublicHalfBeside() throws IOException {
		Path file = this.dir.resolve("keys/ssh_host_key");
		KeyPair key = HostKeys.loadOrCreate(file, DropboxProperties.HostKeyType.ECDSA);
		assertThat(file).content().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(this.dir.resolve("keys/ssh_host_key.pub")).content()
			.startsWith(PublicKeyEntry.toString(key.getPublic()));
		assertThat(KeyUtils.getKeyType(key)).isEqualTo("ecdsa-sha2-nistp256");
		assertThat(this.dir.resolve("keys")).isDirectoryNotContaining("glob:**.tmp");
	}

	@ParameterizedTest
	@EnumSource(DropboxProperties.HostKeyType.class)
	void eachKindOfKeyIsGeneratedOnceAndReadBack(DropboxProperties.HostKeyType type) {
		Path file = this.dir.resolve("hostkey-" + type);
		KeyPair generated = HostKeys.loadOrCreate(file, type);
		KeyPair reloaded = HostKeys.loadOrCreate(file, type);
		assertThat(KeyUtils.compareKeys(reloaded.getPublic(), generated.getPublic())).isTrue();
		assertThat(KeyUtils.compareKeys(reloaded.getPrivate(), generated.getPrivate())).isTrue();
	}

	@Test
	void theKeyOnFileWinsOverTheConfiguredKind() {
		Path file = this.dir.resolve("hostkey");
		KeyPair ed25519 = HostKeys.loadOrCreate(file, DropboxProperties.HostKeyType.ED25519);
		KeyPair loaded = HostKeys.loadOrCreate(file, DropboxProperties.HostKeyType.RSA);
		assertThat(KeyUtils.compareKeys(loaded.getPublic(), ed25519.getPublic())).isTrue();
	}

	@Test
	void anUnreadableKeyFileStopsTheStartInsteadOfBeingReplaced() throws IOException {
		Path file = Files.writeString(this.dir.resolve("hostkey"), "not a key");
		assertThatIllegalStateException()
			.isThrownBy(() -> HostKeys.loadOrCreate(file, DropboxProperties.HostKeyType.ECDSA))
			.withMessageContaining(file.toString());
		assertThat(file).hasContent("not a key");
	}

}
