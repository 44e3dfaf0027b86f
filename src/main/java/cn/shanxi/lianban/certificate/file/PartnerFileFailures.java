package cn.shanxi.lianban.certificate.file;

import java.nio.file.Path;

import cn.shanxi.lianban.support.LogText;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The partner file routes' error handling
 * ({@code routeConfiguration partner-files-errors} in
 * {@code routes/error-handling.camel.yaml}): every file ends, within the poll that took
 * it, with its receipt or in {@code error/} with its reason — a file that cannot be read
 * ({@link UnreadableFileException}) at once, and so does one that met an unexpected
 * error, which would only meet it again at every poll (its reason gives a reference; the
 * log has the details). Only the hub's passing trouble ({@link FileFailures}) leaves the
 * file where it is, for a later poll.
 */
@Component("partnerFileFailures")
public class PartnerFileFailures {

	private static final Logger log = LoggerFactory.getLogger(PartnerFileFailures.class);

	private final DropboxFiles dropbox;

	private final ErrorFolder errors;

	PartnerFileFailures(DropboxFiles dropbox, ErrorFolder errors) {
		this.dropbox = dropbox;
		this.errors = errors;
	}

	/**
	 * Whether the failure is the hub's passing trouble, to retry. A partner's own SFTP
	 * server: always — its route answers unreadable files itself, and only its own
	 * producer can put a reason on that server.
	 */
	public boolean isHubTrouble(Exchange exchange) {
		if (exchange.getMessage().getHeader(RemoteSftpFiles.PARTNER) != null) {
			return true;
		}
		Throwable failure = exchange.getException();
		if (failure == null) {
			failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
		}
		return FileFailures.isHubTrouble(failure);
	}

	/** A file that cannot be read: to {@code error/} with the reason. */
	public void refuse(Exchange exchange) {
		UnreadableFileException ex = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, UnreadableFileException.class);
		FileStatus status = ex.code().startsWith("file.interrupted") ? FileStatus.INTERRUPTED : FileStatus.UNREADABLE;
		setAside(exchange, status, FileReason.of(ex));
	}

	/**
	 * An unexpected error: to {@code error/}, the reason naming a reference, which the
	 * log line with the stack trace names too.
	 */
	public void failed(Exchange exchange) {
		Throwable ex = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
		long reference = setAside(exchange, FileStatus.FAILED,
				new FileReason("file.unexpected", "平台处理此文件时发生意外错误，运维人员会处理，无需重新发送",
						"An unexpected error of the hub stopped this file: the operators will see to it; "
								+ "there is no need to send it again"));
		log.error("Partner file {}: unexpected error (reference F{}), set aside into error/",
				LogText.of(this.dropbox.inboxFile(exchange)), reference, ex);
	}

	private long setAside(Exchange exchange, FileStatus status, FileReason reason) {
		Path file = this.dropbox.inboxFile(exchange);
		Path target = this.errors.placeFor(file);
		long id = this.errors.report(file, target, status, reason,
				exchange.getMessage().getHeader(DropboxFiles.SHA256, String.class));
		exchange.setProperty(DropboxFiles.MOVE_TO, this.dropbox.relativeToRoot(target));
		return id;
	}

}
