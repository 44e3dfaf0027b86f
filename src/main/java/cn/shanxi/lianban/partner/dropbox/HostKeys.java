package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Iterator;

import org.apache.sshd.common.cipher.ECCurves;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drop-box's host key: read from its file, or generated once and written there (with
 * its {@code .pub} beside it, to hand to partners). Unlike MINA's generator providers, a
 * key file that exists but cannot be read stops the start instead of being silently
 * replaced: a new host key would make every partner's client refuse the server.
 */
final class HostKeys {

	private static final Logger log = LoggerFactory.getLogger(HostKeys.class);

	private HostKeys() {
	}

	static KeyPair loadOrCreate(Path file, DropboxProperties.HostKeyType type) {
		try {
			if (Files.exists(file)) {
				return read(file);
			}
			KeyPair generated = generate(type);
			write(generated, file);
			log.info("SFTP drop-box: generated a new {} host key {} in {}", type,
					KeyUtils.getFingerPrint(generated.getPublic()), file);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("SFTP drop-box: cannot read or write the host key " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SFTP drop-box: unusable host key " + file, ex);
		}
	}

	private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
		PathResource resource = new PathResource(file);
		try (InputStream in = resource.openInputStream()) {
			Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, resource, in, null);
			Iterator<KeyPair> it = (pairs != null) ? pairs.iterator() : null;
			if (it == null || !it.hasNext()) {
				throw new IllegalStateException("SFTP drop-box: " + file
						+ " holds no private key; restore it or delete it to generate a new one"
						+ " (partners will then see a new host key)");
			}
			return it.next();
		}
	}

	private static KeyPair generate(DropboxProperties.HostKeyType type) throws GeneralSecurityException {
		KeyPairGenerator generator;
		switch (type) {
			case ED25519 -> generator = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA);
			case RSA -> {
				generator = SecurityUtils.getKeyPairGenerator(KeyUtils.RSA_ALGORITHM);
				generator.initialize(3072);
			}
			default -> {
				generator = SecurityUtils.getKeyPairGenerator(KeyUtils.EC_ALGORITHM);
				generator.initialize(ECCurves.nistp256.getParameters());
			}
		}
		return generator.generateKeyPair();
	}

	/**
	 * Writes to a temporary file first so that a crash never leaves a half-written key
	 * that the next start would refuse.
	 */
	private static void write(KeyPair pair, Path file) throws IOException, GeneralSecurityException {
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		String comment = "lianban-dropbox";
		Path tmp = Files.createTempFile(dir, ".hostkey", ".tmp");
		try {
			ownerOnly(tmp);
			try (OutputStream out = Files.newOutputStream(tmp)) {
				OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, out);
			}
			try (OutputStream out = Files.newOutputStream(file.resolveSibling(file.getFileName() + ".pub"))) {
				OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(pair.getPublic(), comment, out);
			}
			if (Files.exists(file)) {
				throw new FileAlreadyExistsException(file.toString());
			}
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows development machine): nothing to narrow
		}
	}

}
