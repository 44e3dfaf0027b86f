package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which files partners are uploading right now, so the routes that consume the
 * inboxes can leave them alone ({@link #isBeingWritten(Path)}, used by
 * {@link UploadFilter}). A file counts as being written from the moment a partner opens
 * it for writing until it closes it. An upload cut off by a lost connection is renamed to
 * {@code <name>.interrupted}: it stays as a trace but no route mistakes it for a whole
 * file.
 */
public final class UploadTracker implements SftpEventListener {

	static final String INTERRUPTED = ".interrupted";

	private static final Logger log = LoggerFactory.getLogger(UploadTracker.class);

	/** Open write handles and the real file each writes. */
	private final Map<Handle, Path> uploads = new ConcurrentHashMap<>();

	/** Whether a partner has this file (a real path) open for writing. */
	public boolean isBeingWritten(Path file) {
		Path wanted = file.toAbsolutePath().normalize();
		return this.uploads.containsValue(wanted);
	}

	/** How many uploads are in progress. */
	public int uploadsInProgress() {
		return this.uploads.size();
	}

	/** Registered before the file is even created, so it is never seen unmarked. */
	@Override
	public void opening(ServerSession session, String remoteHandle, Handle localHandle) {
		if (localHandle instanceof FileHandle file && (file.getOpenOptions().contains(StandardOpenOption.WRITE)
				|| file.getOpenOptions().contains(StandardOpenOption.APPEND))) {
			this.uploads.put(localHandle, real(localHandle.getFile()));
		}
	}

	@Override
	public void openFailed(ServerSession session, String remotePath, Path localPath, boolean isDirectory,
			Throwable thrown) {
		this.uploads.keySet()
			.removeIf((handle) -> handle instanceof FileHandle file && file.getFileChannel() == null
					&& real(localPath).equals(this.uploads.get(handle)));
	}

	@Override
	public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
		Path file = this.uploads.remove(localHandle);
		if (file != null) {
			log.info("SFTP drop-box: partner {} uploaded {}", session.getUsername(), file.getFileName());
		}
	}

	/** A rename while the file is still open moves the mark with it. */
	@Override
	public void moved(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts,
			Throwable thrown) {
		if (thrown == null) {
			Path from = real(srcPath);
			Path to = real(dstPath);
			this.uploads.replaceAll((handle, file) -> file.equals(from) ? to : file);
			log.info("SFTP drop-box: partner {} renamed {} to {}", session.getUsername(), from.getFileName(),
					to.getFileName());
		}
	}

	/**
	 * Called for each handle still open when the session ends: the upload was cut off.
	 */
	@Override
	public void exiting(ServerSession session, Handle localHandle) {
		Path file = this.uploads.remove(localHandle);
		if (file == null || !Files.exists(file)) {
			return;
		}
		try {
			Path target = file.resolveSibling(file.getFileName() + INTERRUPTED);
			for (int i = 2; Files.exists(target); i++) {
				target = file.resolveSibling(file.getFileName() + INTERRUPTED + "." + i);
			}
			Files.move(file, target);
			log.warn("SFTP drop-box: upload of {} by partner {} was cut off; kept as {}", file.getFileName(),
					session.getUsername(), target.getFileName());
		}
		catch (IOException ex) {
			log.error("SFTP drop-box: upload of {} by partner {} was cut off and could not be set aside", file,
					session.getUsername(), ex);
		}
	}

	/** From the partner's view (its home being {@code /}) to the file on disk. */
	private static Path real(Path path) {
		return path.toAbsolutePath().toFile().toPath().toAbsolutePath().normalize();
	}

}
