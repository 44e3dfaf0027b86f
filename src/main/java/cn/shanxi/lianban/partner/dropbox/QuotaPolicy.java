package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * A partner's space on the drop-box is bounded: what it keeps in {@code inbox/} and
 * {@code error/} together — files not yet taken in, and the ones set aside, which wait
 * for an operator — may not pass its quota ({@link UploadLimits}). An upload that would
 * pass it is refused with an SFTP "quota exceeded" status and a message saying so, in
 * Chinese and English; what was written stays, and is set aside as cut off, never read.
 * The folders are measured when an upload opens and again only when a write would pass
 * the room left then, not at every write.
 */
final class QuotaPolicy implements SftpEventListener {

	private final DropboxLayout layout;

	private final UploadLimits limits;

	private final UploadTracker tracker;

	/** Per open upload: how large its file may grow. */
	private final Map<Handle, Long> room = new ConcurrentHashMap<>();

	QuotaPolicy(DropboxLayout layout, UploadLimits limits, UploadTracker tracker) {
		this.layout = layout;
		this.limits = limits;
		this.tracker = tracker;
	}

	@Override
	public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
		if (localHandle instanceof FileHandle file && (file.getOpenOptions().contains(StandardOpenOption.WRITE)
				|| file.getOpenOptions().contains(StandardOpenOption.APPEND))) {
			String partner = session.getUsername();
			long quota = this.limits.quotaOf(partner);
			long others = usedBesides(partner, UploadTracker.real(localHandle.getFile()));
			if (others >= quota) {
				throw exceeded(partner, quota, others);
			}
			this.room.put(localHandle, quota - others);
		}
	}

	@Override
	public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
			int dataOffset, int dataLen) throws IOException {
		Long left = this.room.get(localHandle);
		long end = offset + dataLen;
		if (left == null || end <= left) {
			return;
		}
		String partner = session.getUsername();
		long quota = this.limits.quotaOf(partner);
		long others = usedBesides(partner, UploadTracker.real(localHandle.getFile()));
		this.room.put(localHandle, quota - others);
		if (end > quota - others) {
			this.tracker.cutOff(localHandle, Interruption.QUOTA);
			throw exceeded(partner, quota, others + end);
		}
	}

	@Override
	public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
		this.room.remove(localHandle);
	}

	@Override
	public void exiting(ServerSession session, Handle localHandle) {
		this.room.remove(localHandle);
	}

	/** Bytes the partner keeps in {@code inbox/} and {@code error/}, but this file. */
	private long usedBesides(String partner, Path file) {
		long used = 0;
		for (Path folder : new Path[] { this.layout.inbox(partner), this.layout.error(partner) }) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
				for (Path f : files) {
					if (!f.equals(file) && Files.isRegularFile(f)) {
						used += Files.size(f);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return used;
	}

	private static Refusal exceeded(String partner, long quota, long needed) {
		return new Refusal(SftpConstants.SSH_FX_QUOTA_EXCEEDED,
				"超出配额：机构 " + partner + " 在 inbox/ 与 error/ 中最多可存放 " + size(quota) + "（本次需要 " + size(needed)
						+ "）/ quota exceeded: partner " + partner + " may keep at most " + size(quota)
						+ " in inbox/ and error/ (this upload needs " + size(needed) + ")");
	}

	static String size(long bytes) {
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

}
