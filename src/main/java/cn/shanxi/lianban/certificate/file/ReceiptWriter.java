package cn.shanxi.lianban.certificate.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import cn.shanxi.lianban.certificate.SubmissionLog;

import org.springframework.stereotype.Component;

/**
 * Writes a file's receipt (回执) as CSV in the partner's charset: a header, then one line
 * per record — {@code lineNo,certificateNo,outcome,reasonCode,reasonZh,reasonEn} — CRLF
 * line ends (RFC 4180). Written beside its final name and moved in place, so a partner
 * never reads half a receipt.
 */
@Component
public class ReceiptWriter {

	static final CsvSchema SCHEMA = CsvSchema.builder()
		.addColumn("lineNo")
		.addColumn("certificateNo")
		.addColumn("outcome")
		.addColumn("reasonCode")
		.addColumn("reasonZh")
		.addColumn("reasonEn")
		.setUseHeader(true)
		.setLineSeparator("\r\n")
		.build();

	/** Quotes only where CSV needs it (Jackson otherwise quotes every long value). */
	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
		.build();

	private final SubmissionLog submissions;

	ReceiptWriter(SubmissionLog submissions) {
		this.submissions = submissions;
	}

	/** The receipt of a submission, as bytes in {@code charset}. */
	public byte[] bytes(long submissionId, Charset charset) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (Writer out = new OutputStreamWriter(bytes, charset)) {
			writeTo(submissionId, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Writes the receipt of a submission to {@code target}. */
	public void write(long submissionId, Charset charset, Path target) {
		Path part = target.resolveSibling("." + target.getFileName() + ".part");
		try {
			Files.createDirectories(target.getParent());
			try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(part), charset), 65536)) {
				writeTo(submissionId, out);
			}
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the receipt " + target, ex);
		}
	}

	private void writeTo(long submissionId, Writer out) throws IOException {
		try (SequenceWriter rows = CSV.writer(SCHEMA).writeValues(out)) {
			this.submissions.receipt(submissionId, (line) -> {
				try {
					rows.write(line);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
