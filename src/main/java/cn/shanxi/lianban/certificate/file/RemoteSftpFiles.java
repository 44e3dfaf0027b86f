package cn.shanxi.lianban.certificate.file;

import java.io.File;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;

import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerRegistry;
import org.apache.camel.Exchange;

import org.springframework.stereotype.Component;

/**
 * The bean behind {@code routes/partner-remote-sftp.camel.yaml}: a file fetched from a
 * partner's own SFTP server (downloaded to a local work file first) is ingested for the
 * partner the route was configured for. The body becomes what goes back to the partner's
 * server — the receipt, or the reason a file could not be read — and the headers say
 * where.
 */
@Component("partnerRemoteFiles")
public class RemoteSftpFiles {

	/**
	 * The partner a remote-SFTP route polls for (set by the route, never by the file).
	 */
	public static final String PARTNER = "lianbanPartner";

	private final PartnerFiles files;

	private final PartnerRegistry partners;

	private final Clock clock;

	RemoteSftpFiles(PartnerFiles files, PartnerRegistry partners, Clock clock) {
		this.files = files;
		this.partners = partners;
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
			exchange.setProperty(DropboxFiles.MOVE_TO, "archive/" + LocalDate.now(this.clock) + "/" + name);
			exchange.getMessage().setBody(done.receipt());
			exchange.getMessage().setHeader(Exchange.FILE_NAME, "receipts/" + name + ".receipt.csv");
		}
		catch (UnreadableFileException ex) {
			exchange.setProperty(DropboxFiles.MOVE_TO, "error/" + name);
			exchange.getMessage().setBody((ex.zh() + "\r\n" + ex.en() + "\r\n").getBytes(charset));
			exchange.getMessage().setHeader(Exchange.FILE_NAME, "error/" + name + ".reason");
		}
	}

}
