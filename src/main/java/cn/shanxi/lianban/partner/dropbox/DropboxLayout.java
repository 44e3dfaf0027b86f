package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders of the drop-box, the contract between the SFTP server and the routes that
 * consume it: each partner has a home {@code <root>/<code>/} holding {@code inbox/}
 * (partners upload here, the hub reads), {@code receipts/} (the hub writes
 * {@code <file>.receipt.csv}, partners read) and {@code error/} (files the hub could not
 * read, with a {@code .reason} beside each).
 */
public final class DropboxLayout {

	public static final String INBOX = "inbox";

	public static final String RECEIPTS = "receipts";

	public static final String ERROR = "error";

	static final List<String> FOLDERS = List.of(INBOX, RECEIPTS, ERROR);

	/**
	 * The longest name a partner file may have, in bytes of UTF-8 (as Linux stores it):
	 * room is left within the file system's 255 bytes for what the hub adds —
	 * {@code .receipt.csv}, {@code .reason}, {@code .interrupted}, a time suffix.
	 */
	public static final int MAX_NAME_BYTES = 200;

	private final Path root;

	public DropboxLayout(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return this.root;
	}

	/** The partner's home, its {@code /} when it logs in. */
	public Path home(String partnerCode) {
		Path home = this.root.resolve(partnerCode).normalize();
		if (!home.getParent().equals(this.root)) {
			throw new IllegalArgumentException("not a partner code: " + partnerCode);
		}
		return home;
	}

	public Path inbox(String partnerCode) {
		return home(partnerCode).resolve(INBOX);
	}

	public Path receipts(String partnerCode) {
		return home(partnerCode).resolve(RECEIPTS);
	}

	public Path error(String partnerCode) {
		return home(partnerCode).resolve(ERROR);
	}

	/** Whether a file name is longer than {@link #MAX_NAME_BYTES}. */
	public static boolean tooLong(String name) {
		return name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES;
	}

	/** Creates the partner's home and its three folders if they are missing. */
	Path prepare(String partnerCode) {
		try {
			Path home = home(partnerCode);
			for (String folder : FOLDERS) {
				Files.createDirectories(home.resolve(folder));
			}
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("SFTP drop-box: cannot create the folders of partner " + partnerCode, ex);
		}
	}

}
