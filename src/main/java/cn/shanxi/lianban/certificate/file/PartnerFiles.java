package cn.shanxi.lianban.certificate.file;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import cn.shanxi.lianban.certificate.CertificateIngestion;
import cn.shanxi.lianban.certificate.ReceiptLine;
import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.support.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Takes in one partner file, whichever way it came (drop folder, SFTP drop-box, the
 * partner's own SFTP server): checks its charset, reads its records, ingests them and
 * writes its receipt. A file that cannot be read is reported with
 * {@link UnreadableFileException}, which the caller sets aside and records; anything else
 * propagates to the caller's error handling.
 */
@Component
public class PartnerFiles {

	private static final Logger log = LoggerFactory.getLogger(PartnerFiles.class);

	private final CertificateIngestion ingestion;

	private final ReceiptWriter receipts;

	PartnerFiles(CertificateIngestion ingestion, ReceiptWriter receipts) {
		this.ingestion = ingestion;
		this.receipts = receipts;
	}

	/**
	 * Ingests {@code file} and writes its receipt to {@code receipt}: written beside it
	 * as the chunks commit and moved in place at the end, so a partner never reads half a
	 * receipt.
	 * @param fileName the name the partner gave it (with the content hash, it identifies
	 * a file re-read after a crash)
	 */
	public CertificateIngestion.Result ingest(Partner partner, Channel channel, String fileName, Path file,
			Path receipt) {
		// a short name of its own: no second writer (another instance, another
		// file of the name) writes into these bytes, and a long name still fits
		Path part = receipt.resolveSibling("." + UUID.randomUUID().toString().substring(0, 13) + ".live");
		CertificateIngestion.Result result;
		try {
			Files.createDirectories(receipt.getParent());
			try (ReceiptWriter.Live live = this.receipts.live(new BufferedWriter(
					new OutputStreamWriter(Files.newOutputStream(part), partner.fileCharset()), 65536))) {
				result = ingest(partner, channel, fileName, file, live);
			}
			if (result.resumed()) {
				// lines done before the interruption are only in the database
				Files.delete(part);
				this.receipts.write(result.submissionId(), partner.fileCharset(), receipt);
			}
			else {
				Files.move(part, receipt, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the receipt " + receipt, ex);
		}
		finally {
			deleteIfExists(part);
		}
		return result;
	}

	/**
	 * Ingests {@code file} and returns its receipt as bytes in the partner's charset.
	 */
	public Receipted ingestToBytes(Partner partner, Channel channel, String fileName, Path file) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CertificateIngestion.Result result;
		try (ReceiptWriter.Live live = this.receipts
			.live(new BufferedWriter(new OutputStreamWriter(bytes, partner.fileCharset()), 65536))) {
			result = ingest(partner, channel, fileName, file, live);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] receipt = result.resumed() ? this.receipts.bytes(result.submissionId(), partner.fileCharset())
				: bytes.toByteArray();
		return new Receipted(result, receipt);
	}

	/** Ingests {@code file}; the caller writes the receipt. */
	public CertificateIngestion.Result ingest(Partner partner, Channel channel, String fileName, Path file) {
		return ingest(partner, channel, fileName, file, (lines) -> {
		});
	}

	private CertificateIngestion.Result ingest(Partner partner, Channel channel, String fileName, Path file,
			Consumer<List<ReceiptLine>> committed) {
		long size = size(file);
		String sha256 = PartnerFileReader.checkAndHash(file, partner.fileCharset());
		CertificateIngestion.Result result;
		try (PartnerFileReader.Records records = PartnerFileReader.read(file, partner)) {
			result = this.ingestion.ingest(partner, channel, fileName, size, sha256, records.iterator(), committed);
		}
		var c = result.counts();
		log.info("Partner {} file {}: {} records, {} accepted, {} duplicate, {} stale, {} rejected{}", partner.code(),
				LogText.of(fileName), c.records(), c.accepted(), c.duplicate(), c.stale(), c.rejected(),
				result.resumed() ? " (resumed after an interruption)" : "");
		return result;
	}

	/** A file taken in, with its receipt. */
	public record Receipted(CertificateIngestion.Result result, byte[] receipt) {
	}

	private static void deleteIfExists(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", LogText.of(file), ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
