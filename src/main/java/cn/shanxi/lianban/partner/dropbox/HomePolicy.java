package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * What a partner may do in its home: upload, rename and delete files directly in
 * {@code inbox/}; read everything; delete the receipts it has fetched. No folders, no
 * links (a link is the classic way out of a jail), nothing written in {@code receipts/}
 * or {@code error/}, which are the hub's. Paths here are the partner's view, its home
 * being {@code /}.
 */
final class HomePolicy implements SftpEventListener {

	private static final String INBOX = "/" + DropboxLayout.INBOX;

	private static final String RECEIPTS = "/" + DropboxLayout.RECEIPTS;

	@Override
	public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
		if (localHandle instanceof FileHandle file && writes(file.getOpenOptions())) {
			require(in(file.getFile(), INBOX), file.getFile(), "files can only be uploaded to inbox/ (只能上传到 inbox/)");
			requireShortName(file.getFile());
		}
	}

	@Override
	public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
		require(false, path, "folders cannot be created (不能创建目录)");
	}

	@Override
	public void moving(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts)
			throws IOException {
		require(in(srcPath, INBOX) && in(dstPath, INBOX), srcPath,
				"files can only be renamed within inbox/ (只能在 inbox/ 内重命名)");
		requireShortName(dstPath);
	}

	@Override
	public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
		require(!isDirectory && (in(path, INBOX) || in(path, RECEIPTS)), path,
				"only files in inbox/ and receipts/ can be deleted (只能删除 inbox/ 与 receipts/ 中的文件)");
	}

	@Override
	public void linking(ServerSession session, Path source, Path target, boolean symLink) throws IOException {
		require(false, source, "links are not allowed (不允许创建链接)");
	}

	@Override
	public void modifyingAttributes(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
		require(in(path, INBOX), path, "only files in inbox/ can be changed (只能修改 inbox/ 中的文件)");
	}

	/**
	 * Whether the path names an entry directly inside the folder (not the folder itself).
	 */
	static boolean in(Path path, String folder) {
		Path normalized = path.toAbsolutePath().normalize();
		Path parent = normalized.getParent();
		return parent != null && parent.toString().equals(folder) && normalized.getFileName() != null;
	}

	private static boolean writes(Set<StandardOpenOption> options) {
		return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
	}

	/**
	 * A name the hub could not give a receipt or a reason beside is refused at once, not
	 * after the upload.
	 */
	private static void requireShortName(Path path) throws Refusal {
		Path name = path.getFileName();
		if (name != null && DropboxLayout.tooLong(name.toString())) {
			throw new Refusal(SftpConstants.SSH_FX_INVALID_FILENAME, "文件名过长：最多 " + DropboxLayout.MAX_NAME_BYTES
					+ " 字节（UTF-8）/ file name too long: at most " + DropboxLayout.MAX_NAME_BYTES + " bytes of UTF-8");
		}
	}

	private static void require(boolean allowed, Path path, String reason) throws Refusal {
		if (!allowed) {
			throw new Refusal(SftpConstants.SSH_FX_PERMISSION_DENIED, path + ": " + reason);
		}
	}

}
