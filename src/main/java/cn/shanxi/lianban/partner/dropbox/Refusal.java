package cn.shanxi.lianban.partner.dropbox;

import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * A request the drop-box refuses by its own rules (quota, name length, where files may
 * go), with an SFTP status and a message for the partner in Chinese and English. MINA
 * sends only the status's generic text by default, so that no server detail leaks; a
 * refusal's message is ours and says what to do, so {@link #MESSAGES} sends it (any other
 * error still gets the generic text). A status the client's protocol version does not
 * know (quota exceeded and invalid file name came with SFTP v5 and v6; OpenSSH speaks v3)
 * is sent as the general failure: OpenSSH would print "Unknown status" for it, and it
 * prints no message at all — its users read the reason in {@code error/}.
 */
final class Refusal extends SftpException {

	static final SftpErrorStatusDataHandler MESSAGES = new SftpErrorStatusDataHandler() {

		@Override
		public int resolveSubStatus(SftpSubsystemEnvironment sftp, int id, Throwable e, int cmd, Object... args) {
			int status = SftpErrorStatusDataHandler.super.resolveSubStatus(sftp, id, e, cmd, args);
			boolean known = status <= SftpConstants.SSH_FX_OP_UNSUPPORTED
					|| (status == SftpConstants.SSH_FX_QUOTA_EXCEEDED && sftp.getVersion() >= SftpConstants.SFTP_V5)
					|| sftp.getVersion() >= SftpConstants.SFTP_V6;
			return known ? status : SftpConstants.SSH_FX_FAILURE;
		}

		@Override
		public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus, int cmd,
				Object... args) {
			return (e instanceof Refusal) ? e.getMessage()
					: SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, id, e, subStatus, cmd, args);
		}

	};

	Refusal(int status, String message) {
		super(status, message);
	}

}
