package cn.shanxi.lianban.certificate.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import cn.shanxi.lianban.certificate.CertificateIngestion;
import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerRegistry;
import cn.shanxi.lianban.partner.dropbox.DropboxLayout;
import cn.shanxi.lianban.partner.dropbox.Interruption;
import cn.shanxi.lianban.partner.dropbox.UploadFilter;
import cn.shanxi.lianban.partner.dropbox.UploadLedger;
import cn.shanxi.lianban.support.LogText;
import org.apache.camel.Exchange;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bean behind {@code routes/partner-dropbox-files.camel.yaml}: a file in
 * {@code <root>/<code>/inbox/} — the SFTP drop-box home or a local drop folder, same
 * layout — is from partner {@code <code>}, whatever it says inside. After ingestion the
 * receipt goes to {@code <code>/receipts/<file>.receipt.csv} and the file to
 * {@code <code>/archive/<yyyy-MM-dd>/}. A file that cannot be taken in throws, and the
 * route's error handling ({@link PartnerFileFailures}) sets it aside into
 * {@code <code>/error/} with its reason. The route's file consumer does the moving (after
 * the exchange completed), this bean says where. Nothing is deleted here.
 */
@Component("partnerDropboxFiles")
public class DropboxFiles {

	/** The exchange property the route's {@code move} option reads. */
	static final String MOVE_TO = "lianbanMoveTo";

	/**
	 * The idempotent consumer's key: partner, name and SHA-256. The same content under
	 * the same name is the same file, read before; another content under an earlier name,
	 * or the same content under another name, is a file of its own, with its own receipt.
	 */
	static final String FILE_KEY = "lianbanFileKey";

	static final String SHA256 = "lianbanSha256";

	private final PartnerFiles files;

	private final PartnerRegistry partners;

	private final PartnerFileRecords records;

	private final UploadLedger uploads;

	private final Clock clock;

	private final Path root;

	DropboxFiles(PartnerFiles files, PartnerRegistry partners, PartnerFileRecords records, UploadLedger uploads,
			Clock clock, @Value("${lianban.dropbox.root:data/dropbox/partners}") Path root) {
		this.files = files;
		this.partners = partners;
		this.records = records;
		this.uploads = uploads;
		this.clock = clock;
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * Before anything else: the file goes to today's archive folder when the route is
	 * done with it (also when it is skipped as read before); what can be told from its
	 * folder, its name and its size is checked; its content hash makes its key.
	 */
	public void prepare(Exchange exchange) {
		Path file = inboxFile(exchange);
		String name = file.getFileName().toString();
		exchange.setProperty(MOVE_TO, relative(file, "archive/" + LocalDate.now(this.clock)));
		Partner partner = partner(file);
		if (UploadFilter.isInterrupted(name)) {
			// never read: why it was cut off is all there is to say
			// the ledger may still know it by its name before the rename
			Interruption why = this.uploads.find(file)
				.or(() -> this.uploads.find(UploadFilter.beforeInterruption(file)))
				.map((upload) -> Interruption.of(upload.reasonCode()))
				.orElse(Interruption.CONNECTION_LOST);
			throw new UnreadableFileException("file.interrupted." + why.code(), why.zh(), why.en(), null);
		}
		if (DropboxLayout.tooLong(name)) {
			throw new UnreadableFileException("file.name-too-long",
					"文件名过长：最多 " + DropboxLayout.MAX_NAME_BYTES + " 字节（UTF-8），回执的文件名放不下；请改用较短的文件名重新发送",
					"The file name is too long: at most " + DropboxLayout.MAX_NAME_BYTES
							+ " bytes of UTF-8, or its receipt's name would not fit; send it again under a shorter name",
					null);
		}
		String sha256 = PartnerFileReader.sha256(file);
		exchange.getMessage().setHeader(SHA256, sha256);
		exchange.getMessage().setHeader(FILE_KEY, partner.code() + "/" + name + "/" + sha256);
	}

	/** Takes in one dropped file and writes its receipt. */
	public void ingest(Exchange exchange) {
		Path file = inboxFile(exchange);
		String name = file.getFileName().toString();
		Partner partner = partner(file);
		Path receipt = file.getParent().resolveSibling(DropboxLayout.RECEIPTS).resolve(name + ".receipt.csv");
		CertificateIngestion.Result result = this.files.ingest(partner, Channel.DROPBOX, name, file, receipt);
		this.records.receipted(result.submissionId(), DropboxLayout.RECEIPTS + "/" + receipt.getFileName());
		this.uploads.forget(file);
	}

	/** The file the exchange is about, checked to be directly in a partner's inbox. */
	Path inboxFile(Exchange exchange) {
		Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class))
			.toAbsolutePath()
			.normalize();
		Path inbox = file.getParent();
		if (!inbox.getFileName().toString().equals(DropboxLayout.INBOX)
				|| !this.root.equals(inbox.getParent().getParent())) {
			throw new IllegalArgumentException("Not a partner inbox file: " + LogText.of(file));
		}
		return file;
	}

	/**
	 * Where a path is relative to the drop-box root, as the file consumer's {@code move}
	 * wants it.
	 */
	String relativeToRoot(Path path) {
		return this.root.relativize(path.toAbsolutePath().normalize()).toString();
	}

	private Partner partner(Path file) {
		String folder = file.getParent().getParent().getFileName().toString();
		return this.partners.find(folder)
			.orElseThrow(() -> new UnreadableFileException("file.partner-unknown", "文件夹 " + folder + " 不属于已登记的机构",
					"The folder " + folder + " belongs to no registered partner", null));
	}

	/**
	 * Where the file goes, relative to the drop-box root: {@code <code>/<folder>/<name>},
	 * or {@code <code>/<folder>/<name>.<millis>} when a file of that name is there
	 * already (never overwritten).
	 */
	private String relative(Path file, String folder) {
		Path home = file.getParent().getParent();
		String name = file.getFileName().toString();
		if (Files.exists(home.resolve(folder).resolve(name))) {
			name = name + "." + this.clock.millis();
		}
		return home.getFileName() + "/" + folder + "/" + name;
	}

}
