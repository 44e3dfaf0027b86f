package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import cn.shanxi.lianban.TestDropboxRoot;

import static org.awaitility.Awaitility.await;

/** A partner's folder under this test run's drop-box root, the way a partner uses it. */
final class DropFolder {

	final Path home;

	DropFolder(String partnerCode) {
		this.home = TestDropboxRoot.root().resolve(partnerCode);
	}

	/** Drops a file the safe way: written under a temporary name, then renamed. */
	Path drop(String name, byte[] content) {
		try {
			Path inbox = Files.createDirectories(this.home.resolve("inbox"));
			Path part = inbox.resolve(name + ".part");
			Files.write(part, content);
			return Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path receipt(String name) {
		return this.home.resolve("receipts").resolve(name + ".receipt.csv");
	}

	/** Waits until the file has left the inbox and its receipt is there. */
	byte[] awaitReceipt(String name) {
		Path receipt = receipt(name);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(receipt) && !Files.exists(this.home.resolve("inbox").resolve(name)));
		return read(receipt);
	}

	String receiptText(String name, Charset charset) {
		return new String(awaitReceipt(name), charset);
	}

	List<Path> archived(String name) {
		if (!Files.isDirectory(this.home.resolve("archive"))) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(this.home.resolve("archive"))) {
			return files.filter((p) -> p.getFileName().toString().startsWith(name)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
