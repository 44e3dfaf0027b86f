package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.shanxi.lianban.support.LogText;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which files partners are uploading through the drop-box: from the moment a
 * partner opens a file for writing until it closes it, the file is being written — in
 * this instance's memory ({@link #isBeingWritten}) and in the {@link UploadLedger}, which
 * every hub instance polling the same folders reads ({@link UploadFilter}). At the close
 * the ledger keeps the file's size and time, so the file is read only if nothing changed
 * it since. An upload cut off — the connection dropped, a write refused (quota) or failed
 * — is renamed to {@code <name>.interrupted}: kept, never read, reported in the partner's
 * {@code error/}. While a session lives its uploads are renewed in the ledger; an upload
 * whose hub died stops being renewed, and the housekeeping sets it aside in turn.
 */
public final class UploadTracker implements SftpEventListener {

	public static final String INTERRUPTED = ".interrupted";

	private static final Logger log = LoggerFactory.getLogger(UploadTracker.class);

	private final UploadLedger ledger;

	private final Duration keepAlive;

	/** Open write handles and the real file each writes. */
	private final Map<Handle, Path> uploads = new ConcurrentHashMap<>();

	/** Handles whose upload can no longer be whole, and why. */
	private final Map<Handle, Interruption> cutOff = new ConcurrentHashMap<>();

	private ScheduledExecutorService renewer;

	public UploadTracker(UploadLedger ledger, Duration keepAlive) {
		this.ledger = ledger;
		this.keepAlive = keepAlive;
	}

	/**
	 * Whether a partner has this file (a real path) open for writing on this instance.
	 */
	public boolean isBeingWritten(Path file) {
		Path wanted = file.toAbsolutePath().normalize();
		return this.uploads.containsValue(wanted);
	}

	/** How many uploads are in progress on this instance. */
	public int uploadsInProgress() {
		return this.uploads.size();
	}

	/** Renews this instance's uploads in the ledger while the drop-box runs. */
	synchronized void start() {
		if (this.renewer == null) {
			this.renewer = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "dropbox-upload-renewer");
				thread.setDaemon(true);
				return thread;
			});
			long period = this.keepAlive.toMillis();
			this.renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
		}
	}

	synchronized void stop() {
		if (this.renewer != null) {
			this.renewer.shutdownNow();
			this.renewer = null;
		}
	}

	/**
	 * The upload on this handle can no longer be whole (a write was refused): when it
	 * ends it is set aside instead of being taken for a complete file.
	 */
	void cutOff(Handle handle, Interruption why) {
		if (this.uploads.containsKey(handle)) {
			this.cutOff.putIfAbsent(handle, why);
		}
	}

	/**
	 * Registered before the file is even created, so it is never seen unmarked; a ledger
	 * that cannot be written refuses the upload (no instance could know of it).
	 */
	@Override
	public void opening(ServerSession session, String remoteHandle, Handle localHandle) {
		if (localHandle instanceof FileHandle file && (file.getOpenOptions().contains(StandardOpenOption.WRITE)
				|| file.getOpenOptions().contains(StandardOpenOption.APPEND))) {
			Path real = real(localHandle.getFile());
			this.uploads.put(localHandle, real);
			try {
				this.ledger.opened(session.getUsername(), real);
			}
			catch (RuntimeException ex) {
				this.uploads.remove(localHandle);
				throw ex;
			}
		}
	}

	@Override
	public void openFailed(ServerSession session, String remotePath, Path localPath, boolean isDirectory,
			Throwable thrown) {
		Path real = real(localPath);
		this.uploads.entrySet()
			.removeIf((entry) -> entry.getKey() instanceof FileHandle file && file.getFileChannel() == null
					&& real.equals(entry.getValue()));
		if (!this.uploads.containsValue(real)) {
			this.ledger.forget(real);
		}
	}

	@Override
	public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
			int dataOffset, int dataLen, Throwable thrown) {
		if (thrown != null) {
			cutOff(localHandle, Interruption.WRITE_FAILED);
		}
	}

	@Override
	public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
		Path file = this.uploads.remove(localHandle);
		if (file == null) {
			return;
		}
		Interruption why = this.cutOff.remove(localHandle);
		if (why == null && thrown != null) {
			why = Interruption.WRITE_FAILED;
		}
		if (why != null) {
			setAside(session, file, why);
			return;
		}
		if (this.uploads.containsValue(file)) {
			return; // another handle still writes it
		}
		try {
			this.ledger.closed(file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
			log.info("SFTP drop-box: partner {} uploaded {}", session.getUsername(), LogText.of(file.getFileName()));
		}
		catch (IOException ex) {
			// gone already (renamed or deleted by the partner meanwhile)
			this.ledger.forget(file);
		}
	}

	/** A rename moves the mark with it, and what the ledger knows of the file. */
	@Override
	public void moved(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts,
			Throwable thrown) {
		if (thrown == null) {
			Path from = real(srcPath);
			Path to = real(dstPath);
			this.uploads.replaceAll((handle, file) -> file.equals(from) ? to : file);
			this.ledger.moved(from, to);
			log.info("SFTP drop-box: partner {} renamed {} to {}", session.getUsername(),
					LogText.of(from.getFileName()), LogText.of(to.getFileName()));
		}
	}

	/** A time set after the close (e.g. {@code put -p}) is part of the file as closed. */
	@Override
	public void modifiedAttributes(ServerSession session, Path path, Map<String, ?> attrs, Throwable thrown) {
		Path file = real(path);
		if (thrown == null && !this.uploads.containsValue(file) && Files.isRegularFile(file)) {
			try {
				this.ledger.touched(file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
			}
			catch (IOException ex) {
				this.ledger.forget(file);
			}
		}
	}

	@Override
	public void removed(ServerSession session, Path path, boolean isDirectory, Throwable thrown) {
		if (thrown == null && !isDirectory) {
			this.ledger.forget(real(path));
		}
	}

	/**
	 * Called for each handle still open when the session ends: the upload was cut off.
	 */
	@Override
	public void exiting(ServerSession session, Handle localHandle) {
		Path file = this.uploads.remove(localHandle);
		Interruption why = this.cutOff.remove(localHandle);
		if (file != null) {
			setAside(session, file, (why != null) ? why : Interruption.CONNECTION_LOST);
		}
	}

	/**
	 * Marks the upload cut off in the ledger (so that no instance takes the file for
	 * whole, even if what follows fails), renames it to {@code <name>.interrupted} (or
	 * {@code .interrupted.2}, … when taken), and moves what the ledger knows with it.
	 */
	private void setAside(ServerSession session, Path file, Interruption why) {
		if (!Files.exists(file)) {
			this.ledger.forget(file);
			return;
		}
		try {
			this.ledger.interrupted(file, why.code());
		}
		catch (RuntimeException ex) {
			log.error("SFTP drop-box: could not record that the upload of {} was cut off", LogText.of(file), ex);
		}
		try {
			Path target = interruptedName(file);
			Files.move(file, target);
			log.warn("SFTP drop-box: upload of {} by partner {} was cut off ({}); kept as {}",
					LogText.of(file.getFileName()), session.getUsername(), why.code(),
					LogText.of(target.getFileName()));
			this.ledger.moved(file, target);
		}
		catch (IOException | RuntimeException ex) {
			log.error("SFTP drop-box: upload of {} by partner {} was cut off and could not be set aside",
					LogText.of(file), session.getUsername(), ex);
		}
	}

	/**
	 * {@code <name>.interrupted}, or the first of {@code .interrupted.2}, … not taken.
	 */
	public static Path interruptedName(Path file) {
		Path target = file.resolveSibling(file.getFileName() + INTERRUPTED);
		for (int i = 2; Files.exists(target); i++) {
			target = file.resolveSibling(file.getFileName() + INTERRUPTED + "." + i);
		}
		return target;
	}

	private void renew() {
		try {
			this.ledger.keepAlive(new HashSet<>(this.uploads.values()));
		}
		catch (RuntimeException ex) {
			log.warn("SFTP drop-box: could not renew the uploads in progress: {}", ex.toString());
		}
	}

	/** From the partner's view (its home being {@code /}) to the file on disk. */
	static Path real(Path path) {
		return path.toAbsolutePath().toFile().toPath().toAbsolutePath().normalize();
	}

}
