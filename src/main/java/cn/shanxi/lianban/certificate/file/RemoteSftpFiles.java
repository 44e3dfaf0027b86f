package cn.shanxi.lianban.certificate.file;

import java.io.File;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;

import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerRegistry;
import cn.shanxi.lianban.support.LogText;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The bean behind {@code routes/partner-remote-sftp.camel.yaml}: a file fetched from a
 * partner's own SFTP server (downloaded to a local work file first) is ingested for the
 * partner the route was configured for. The body becomes what goes back to the partner's
 * server — the receipt, or the reason a file could not be taken in — and the headers say
 * where. An unexpected error is answered here too, not by the shared error handling: only
 * this route's own SFTP producer can put the reason on the partner's server.
 */
@Component("partnerRemoteFiles")
public class RemoteSftpFiles {

	/**
	 * The partner a remote-SFTP route polls for (set by the route, never by the file).
	 */
	public static final String PARTNER = "lianbanPartner";

	private static final Logger log = LoggerFactory.getLogger(RemoteSftpFiles.class);

	private final PartnerFiles files;

	private final PartnerRegistry partners;

	private final PartnerFileRecords records;

	private final Clock clock;

	RemoteSftpFiles(PartnerFiles files, PartnerRegistry partners, PartnerFileRecords records, Clock clock) {
		this.files = files;
		this.partners = partners;
		this.records = records;
		this.clock = clock;
	}

	public void ingest(Exchange exchange) {
		String code = exchange.getMessage().getHeader(PARTNER, String.class);
		Partner partner = this.partners.find(code)
			.orElseThrow(() -> new IllegalStateException("lianban.certificates.remote-sftp: unknown partner " + code));
		String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
		File local = exchange.getMessage().getBody(File.class);
		Charset charset = partner.fileCharset();
		try {
			PartnerFiles.Receipted done = this.files.ingestToBytes(partner, Channel.REMOTE_SFTP, name, local.toPath());
			this.records.receipted(done.result().submissionId(), "receipts/" + name + ".receipt.csv");
			exchange.setProperty(DropboxFiles.MOVE_TO, "archive/" + LocalDate.now(this.clock) + "/" + name);
			exchange.getMessage().setBody(done.receipt());
			exchange.getMessage().setHeader(Exchange.FILE_NAME, "receipts/" + name + ".receipt.csv");
		}
		catch (UnreadableFileException ex) {
			refuse(exchange, partner, name, local, FileStatus.UNREADABLE, FileReason.of(ex), charset);
		}
		catch (RuntimeException ex) {
			if (FileFailures.isHubTrouble(ex)) {
				throw ex; // retried, then the file waits on the partner's server for a
							// later poll
			}
			log.error("Partner {} remote file {}: unexpected error, the file goes to error/", code, LogText.of(name),
					ex);
			refuse(exchange, partner, name, local, FileStatus.FAILED,
					new FileReason("file.unexpected", "平台处理此文件时发生意外错误，运维人员会处理，无需重新发送",
							"An unexpected error of the hub stopped this file: the operators will see to it; "
									+ "there is no need to send it again"),
					charset);
		}
	}

	private void refuse(Exchange exchange, Partner partner, String name, File local, FileStatus status,
			FileReason reason, Charset charset) {
		long id = this.records.setAside(partner.code(), Channel.REMOTE_SFTP, name, local.length(), null, status, reason,
				"error/" + name);
		FileReason written = (status == FileStatus.FAILED) ? reason.withReference(id) : reason;
		log.warn("Partner {} remote file {} goes to error/: {}", partner.code(), LogText.of(name), reason.en());
		exchange.setProperty(DropboxFiles.MOVE_TO, "error/" + name);
		exchange.getMessage().setBody(written.text().getBytes(charset));
		exchange.getMessage().setHeader(Exchange.FILE_NAME, "error/" + name + ".reason");
	}

}
