package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.apache.sshd.common.file.root.RootedFileSystem;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * Closes the one door MINA's rooted file system leaves open: it keeps {@code ..} and
 * absolute paths inside the home, but follows a symbolic link that something other than
 * the partner placed there (an operator, a script) wherever it points. Every path a
 * partner names is checked here, links followed, to end inside its home.
 */
final class JailedFileSystemAccessor implements SftpFileSystemAccessor {

	@Override
	public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath)
			throws IOException, InvalidPathException {
		Path resolved = SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, rootDir, remotePath);
		if (resolved.getFileSystem() instanceof RootedFileSystem rooted) {
			Path home = rooted.getRoot().toRealPath();
			if (!real(resolved.toAbsolutePath().normalize().toFile().toPath()).startsWith(home)) {
				throw new AccessDeniedException(remotePath, null, "outside your home (超出本机构目录)");
			}
		}
		return resolved;
	}

	/**
	 * The real path of the file, or, for a file yet to be created, of its nearest
	 * existing ancestor; a link to nowhere counts as outside.
	 */
	private static Path real(Path local) throws IOException {
		Path existing = local;
		while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			throw new AccessDeniedException(local.toString());
		}
		try {
			return existing.toRealPath();
		}
		catch (IOException ex) {
			throw new AccessDeniedException(local.toString(), null, "broken link");
		}
	}

}
