package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerRegistry;
import cn.shanxi.lianban.partner.dropbox.DropboxLayout;
import cn.shanxi.lianban.partner.dropbox.UploadLedger;
import cn.shanxi.lianban.support.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A partner's {@code error/} folder: where a file that cannot be taken in is set aside,
 * with {@code <file>.reason} beside it in the partner's charset — never deleted, never
 * overwritten (a second file of a taken name gets a time suffix, a name too long for its
 * {@code .reason} a shortened one) — and recorded for the operators.
 */
@Component
class ErrorFolder {

	private static final Logger log = LoggerFactory.getLogger(ErrorFolder.class);

	/** The longest file name the file system takes, in bytes. */
	private static final int NAME_MAX = 255;

	private static final String REASON = ".reason";

	private final PartnerRegistry partners;

	private final PartnerFileRecords records;

	private final UploadLedger uploads;

	private final Clock clock;

	ErrorFolder(PartnerRegistry partners, PartnerFileRecords records, UploadLedger uploads, Clock clock) {
		this.partners = partners;
		this.records = records;
		this.uploads = uploads;
		this.clock = clock;
	}

	/**
	 * Where a file of {@code <home>/inbox/} goes in {@code <home>/error/}: its own name
	 * if free, else with a time suffix; shortened when its {@code .reason} would not fit.
	 */
	Path placeFor(Path inboxFile) {
		return placeFor(inboxFile, inboxFile.getFileName().toString());
	}

	/** As {@link #placeFor(Path)}, under another name (a dot-file's, made visible). */
	Path placeFor(Path inboxFile, String name) {
		Path error = inboxFile.getParent().resolveSibling(DropboxLayout.ERROR);
		String stamp = "." + this.clock.millis();
		for (String candidate : List.of(name, name + stamp, shortened(name) + stamp)) {
			if (bytes(candidate + REASON) <= NAME_MAX && !Files.exists(error.resolve(candidate))
					&& !Files.exists(error.resolve(candidate + REASON))) {
				return error.resolve(candidate);
			}
		}
		throw new IllegalStateException("no free name in error/ for " + LogText.of(name));
	}

	/**
	 * Writes {@code <target>.reason} and records that the file went there. The caller
	 * moves the file (the route's file consumer, or {@link #setAside}).
	 * @return the record's id
	 */
	long report(Path inboxFile, Path target, FileStatus status, FileReason reason, String sha256) {
		String code = inboxFile.getParent().getParent().getFileName().toString();
		Charset charset = this.partners.find(code).map(Partner::fileCharset).orElse(StandardCharsets.UTF_8);
		Long size = size(inboxFile);
		String name = inboxFile.getFileName().toString();
		String errorName = DropboxLayout.ERROR + "/" + target.getFileName();
		long id = this.records.setAside(code.substring(0, Math.min(40, code.length())), Channel.DROPBOX, name, size,
				sha256, status, reason, errorName);
		FileReason written = (status == FileStatus.FAILED) ? reason.withReference(id) : reason;
		writeReason(charset, written, target.resolveSibling(target.getFileName() + REASON));
		this.uploads.forget(inboxFile);
		log.warn("Partner {} file {} goes to {} ({}, reference F{}): {}", LogText.of(code), LogText.of(name),
				LogText.of(errorName), status, id, reason.en());
		return id;
	}

	/**
	 * Sets a file aside by the hub's own hand (no route has it): moves it to
	 * {@code error/}, with its reason, recorded.
	 */
	void setAside(Path inboxFile, FileStatus status, FileReason reason) {
		// a dot-file set aside is shown: the partner's listing would hide it
		String name = inboxFile.getFileName().toString().replaceFirst("^\\.+", "");
		Path target = placeFor(inboxFile, name.isEmpty() ? "unnamed" : name);
		try {
			Files.createDirectories(target.getParent());
			report(inboxFile, target, status, reason, null);
			Files.move(inboxFile, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not set " + LogText.of(inboxFile) + " aside", ex);
		}
	}

	/** Writes the reason file in the partner's charset, through a temporary name. */
	static void writeReason(Charset charset, FileReason reason, Path reasonFile) {
		try {
			Files.createDirectories(reasonFile.getParent());
			Path part = reasonFile.resolveSibling("." + Long.toHexString(System.nanoTime()) + ".reason.part");
			Files.writeString(part, reason.text(), charset);
			Files.move(part, reasonFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException io) {
			throw new UncheckedIOException(io);
		}
	}

	/** The first 150 bytes of the name (whole characters) and a hash of the rest. */
	static String shortened(String name) {
		StringBuilder head = new StringBuilder();
		int used = 0;
		for (int i = 0; i < name.length();) {
			int cp = name.codePointAt(i);
			int n = bytes(new String(Character.toChars(cp)));
			if (used + n > 150) {
				break;
			}
			head.appendCodePoint(cp);
			used += n;
			i += Character.charCount(cp);
		}
		return head + "~" + sha256(name).substring(0, 8);
	}

	private static int bytes(String name) {
		return name.getBytes(StandardCharsets.UTF_8).length;
	}

	private static Long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
