package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.shanxi.lianban.certificate.CertificateIngestion;
import cn.shanxi.lianban.certificate.SubmissionLog;
import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.support.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Takes in one partner file, whichever way it came (drop folder, SFTP drop-box, the
 * partner's own SFTP server): checks its charset, reads its records, ingests them and
 * writes its receipt. A file that cannot be read is recorded as such and reported with
 * {@link UnreadableFileException}; anything else (the database is down…) propagates so
 * the file stays where it is and is tried again.
 */
@Component
public class PartnerFiles {

	private static final Logger log = LoggerFactory.getLogger(PartnerFiles.class);

	private final CertificateIngestion ingestion;

	private final SubmissionLog submissions;

	private final ReceiptWriter receipts;

	PartnerFiles(CertificateIngestion ingestion, SubmissionLog submissions, ReceiptWriter receipts) {
		this.ingestion = ingestion;
		this.submissions = submissions;
		this.receipts = receipts;
	}

	/**
	 * Ingests {@code file} and writes its receipt to {@code receipt}.
	 * @param fileName the name the partner gave it (with the content hash, it identifies
	 * a file re-read after a crash)
	 */
	public CertificateIngestion.Result ingest(Partner partner, Channel channel, String fileName, Path file,
			Path receipt) {
		CertificateIngestion.Result result = ingest(partner, channel, fileName, file);
		this.receipts.write(result.submissionId(), partner.fileCharset(), receipt);
		return result;
	}

	/** Ingests {@code file}; the caller writes the receipt. */
	public CertificateIngestion.Result ingest(Partner partner, Channel channel, String fileName, Path file) {
		long size = size(file);
		String sha256;
		CertificateIngestion.Result result;
		try {
			sha256 = PartnerFileReader.checkAndHash(file, partner.fileCharset());
			try (PartnerFileReader.Records records = PartnerFileReader.read(file, partner)) {
				result = this.ingestion.ingest(partner, channel, fileName, size, sha256, records.iterator(), null);
			}
		}
		catch (UnreadableFileException ex) {
			this.submissions.unreadable(partner.code(), channel, fileName, size, null, ex.zh() + " / " + ex.en());
			log.warn("Partner {} file {} is unreadable: {}", partner.code(), Masking.maskAll(fileName), ex.en());
			throw ex;
		}
		var c = result.counts();
		log.info("Partner {} file {}: {} records, {} accepted, {} duplicate, {} stale, {} rejected{}", partner.code(),
				Masking.maskAll(fileName), c.records(), c.accepted(), c.duplicate(), c.stale(), c.rejected(),
				result.resumed() ? " (resumed after an interruption)" : "");
		return result;
	}

	/**
	 * Writes {@code <file>.reason} with why a file could not be read, in the partner's
	 * charset.
	 */
	public static void writeReason(java.nio.charset.Charset charset, UnreadableFileException ex, Path reasonFile) {
		try {
			Files.createDirectories(reasonFile.getParent());
			Files.writeString(reasonFile, ex.zh() + "\r\n" + ex.en() + "\r\n", charset);
		}
		catch (IOException io) {
			throw new UncheckedIOException(io);
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
