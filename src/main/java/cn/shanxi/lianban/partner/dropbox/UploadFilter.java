package cn.shanxi.lianban.partner.dropbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * For the routes that consume the inboxes ({@code filter: "#dropboxUploadFilter"} on a
 * {@code file:} endpoint), asked of every file at every poll: may the route take it now?
 * <ul>
 * <li>A file uploaded through the drop-box (any hub instance's: the {@link UploadLedger})
 * is taken once its writer has closed it and only while it is exactly as closed — never
 * while it is open, however long the writer pauses.</li>
 * <li>A file put into the folder some other way (a shared network folder) is taken once
 * it has not changed for {@code untrackedMinAge}.</li>
 * <li>Temporary names ({@code .name}, {@code *.part}, {@code *.filepart}, {@code *.tmp})
 * are never taken.</li>
 * <li>A cut-off upload ({@code *.interrupted}) is taken only to be set aside into
 * {@code error/} with its reason: the route never reads it.</li>
 * </ul>
 * The decision is made here, at the listing, rather than by a waiting read lock: Camel's
 * {@code changed} read lock sleeps on the poll thread until a file stops changing or its
 * timeout ends, so every young, empty or paused file held up every partner's next file.
 */
public final class UploadFilter implements GenericFileFilter<File> {

	private static final List<String> TEMPORARY_SUFFIXES = List.of(".part", ".filepart", ".tmp");

	private static final Pattern INTERRUPTED_NAME = Pattern
		.compile(Pattern.quote(UploadTracker.INTERRUPTED) + "(\\.[0-9]+)?$");

	private final UploadTracker tracker;

	private final UploadLedger ledger;

	private final long untrackedMinAgeMillis;

	public UploadFilter(UploadTracker tracker, UploadLedger ledger, Duration untrackedMinAge) {
		this.tracker = tracker;
		this.ledger = ledger;
		this.untrackedMinAgeMillis = untrackedMinAge.toMillis();
	}

	@Override
	public boolean accept(GenericFile<File> file) {
		if (file.isDirectory()) {
			return true;
		}
		Path path = Path.of(file.getAbsoluteFilePath());
		Path folder = path.getParent();
		if (folder == null || !DropboxLayout.INBOX.equals(String.valueOf(folder.getFileName()))) {
			return false; // receipts/, error/: never the route's (and no need to ask the
							// ledger)
		}
		String name = path.getFileName().toString();
		if (isInterrupted(name)) {
			return !name.startsWith(".");
		}
		return isComplete(path);
	}

	/**
	 * Whether the file may be read: not a temporary or interrupted name, not being
	 * written, and as its writer left it.
	 */
	public boolean isComplete(Path file) {
		String name = file.getFileName().toString();
		if (isTemporary(name) || isInterrupted(name) || this.tracker.isBeingWritten(file)) {
			return false;
		}
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return false; // gone meanwhile
		}
		long size = attributes.size();
		long modified = attributes.lastModifiedTime().toMillis();
		Optional<UploadLedger.Upload> upload = this.ledger.find(file);
		if (upload.isPresent()) {
			if (upload.get().state() != UploadLedger.State.CLOSED) {
				return false;
			}
			if (upload.get().closedAndUnchanged(size, modified)) {
				return true;
			}
			// changed since its close by something other than the drop-box: as below
		}
		return modified <= System.currentTimeMillis() - this.untrackedMinAgeMillis;
	}

	/** A name partners upload to before renaming: never a whole file. */
	public static boolean isTemporary(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return name.startsWith(".") || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
	}

	/** The file a cut-off upload was written as, before it was set aside. */
	public static Path beforeInterruption(Path interrupted) {
		return interrupted
			.resolveSibling(INTERRUPTED_NAME.matcher(interrupted.getFileName().toString()).replaceFirst(""));
	}

	/** A cut-off upload, set aside as {@code <name>.interrupted[.n]}. */
	public static boolean isInterrupted(String name) {
		return INTERRUPTED_NAME.matcher(name).find();
	}

}
