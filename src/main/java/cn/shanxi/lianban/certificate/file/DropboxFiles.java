package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerRegistry;
import cn.shanxi.lianban.support.Masking;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bean behind {@code routes/partner-dropbox-files.camel.yaml}: a file in
 * {@code <root>/<code>/inbox/} — the SFTP drop-box home or a local drop folder, same
 * layout — is from partner {@code <code>}, whatever it says inside. After ingestion the
 * receipt goes to {@code <code>/receipts/<file>.receipt.csv} and the file to
 * {@code <code>/archive/<yyyy-MM-dd>/}; an unreadable one to {@code <code>/error/} with
 * {@code <file>.reason} beside it. The route's file consumer does the moving (after the
 * exchange completed), this bean says where. Nothing is deleted here.
 */
@Component("partnerDropboxFiles")
public class DropboxFiles {

	private static final Logger log = LoggerFactory.getLogger(DropboxFiles.class);

	private final PartnerFiles files;

	private final PartnerRegistry partners;

	private final Clock clock;

	private final Path root;

	/** The exchange property the route's {@code move} option reads. */
	static final String MOVE_TO = "lianbanMoveTo";

	DropboxFiles(PartnerFiles files, PartnerRegistry partners, Clock clock,
			@Value("${lianban.dropbox.root:data/dropbox/partners}") Path root) {
		this.files = files;
		this.partners = partners;
		this.clock = clock;
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * Before anything else: the file goes to today's archive folder when the route is
	 * done with it (also when it was skipped as already ingested).
	 */
	public void prepare(Exchange exchange) {
		Path file = inboxFile(exchange);
		exchange.setProperty(MOVE_TO, relative(file, "archive/" + LocalDate.now(this.clock)));
	}

	/** Takes in one dropped file. */
	public void ingest(Exchange exchange) {
		Path file = inboxFile(exchange);
		Path home = file.getParent().getParent();
		String name = file.getFileName().toString();
		Optional<Partner> partner = this.partners.find(home.getFileName().toString());
		if (partner.isEmpty()) {
			refuse(exchange, file, StandardCharsets.UTF_8,
					new UnreadableFileException("文件夹 " + home.getFileName() + " 不属于已登记的机构",
							"The folder " + home.getFileName() + " belongs to no registered partner", null));
			return;
		}
		try {
			this.files.ingest(partner.get(), Channel.DROPBOX, name, file,
					home.resolve("receipts").resolve(name + ".receipt.csv"));
		}
		catch (UnreadableFileException ex) {
			refuse(exchange, file, partner.get().fileCharset(), ex);
		}
	}

	private Path inboxFile(Exchange exchange) {
		Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class))
			.toAbsolutePath()
			.normalize();
		Path inbox = file.getParent();
		if (!inbox.getFileName().toString().equals("inbox") || !this.root.equals(inbox.getParent().getParent())) {
			throw new IllegalArgumentException("Not a partner inbox file: " + Masking.maskAll(file.toString()));
		}
		return file;
	}

	/**
	 * Moves the file to {@code error/} (by the route) with {@code <file>.reason} beside
	 * it.
	 */
	private void refuse(Exchange exchange, Path file, Charset charset, UnreadableFileException ex) {
		String target = relative(file, "error");
		exchange.setProperty(MOVE_TO, target);
		Path moved = this.root.resolve(target).normalize();
		PartnerFiles.writeReason(charset, ex, moved.resolveSibling(moved.getFileName() + ".reason"));
		log.warn("Unreadable file {} goes to {}", Masking.maskAll(file.getFileName().toString()),
				Masking.maskAll(target));
	}

	/**
	 * Where the file goes, relative to the drop-box root (as the file consumer's
	 * {@code move} wants it): {@code <code>/<folder>/<name>}, or
	 * {@code <code>/<folder>/<name>.<millis>} when a file of that name is there already
	 * (never overwritten).
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
