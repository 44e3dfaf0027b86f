package cn.shanxi.lianban.certificate.file;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import cn.shanxi.lianban.certificate.ReceiptLine;
import cn.shanxi.lianban.certificate.SubmissionLog;

import org.springframework.stereotype.Component;

/**
 * Writes a file's receipt (回执) as CSV in the partner's charset: a header, then one line
 * per record — {@code lineNo,certificateNo,outcome,reasonCode,reasonZh,reasonEn} — CRLF
 * line ends (RFC 4180). Every line has its six cells, an empty one where a record had no
 * value (a missing cell would shift the later ones, and a program reading the receipt
 * would misread the row). A cell a spreadsheet would run as a formula — starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — is written
 * with a leading {@code '} (OWASP's CSV injection advice): the certificate number is the
 * partner's own text. Written beside its final name and moved in place, so a partner
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
		try (SequenceWriter rows = rows(out)) {
			this.submissions.receipt(submissionId, (line) -> {
				try {
					rows.write(cells(line));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/**
	 * A receipt written while the records are being taken in, each chunk's lines as its
	 * transaction commits: the same bytes as {@link #write} reads back from the database
	 * afterwards, without reading 100,000 lines back. Only for a submission taken in
	 * whole in one go — a resumed one has lines from before that only the database knows.
	 */
	Live live(Writer out) {
		try {
			return new Live(rows(out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A receipt line's six cells as written: none missing, none a formula. */
	static String[] cells(String[] line) {
		String[] cells = new String[SCHEMA.size()];
		for (int i = 0; i < cells.length; i++) {
			String cell = (i < line.length && line[i] != null) ? line[i] : "";
			cells[i] = (i > 0 && runsAsFormula(cell)) ? "'" + cell : cell;
		}
		return cells;
	}

	private static boolean runsAsFormula(String cell) {
		if (cell.isEmpty()) {
			return false;
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/** Not flushed after every line: a flush per line is a write(2) per line. */
	private static SequenceWriter rows(Writer out) throws IOException {
		return CSV.writer(SCHEMA).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out);
	}

	/** See {@link ReceiptWriter#live}; closing it closes the writer. */
	static final class Live implements Consumer<List<ReceiptLine>>, Closeable {

		private final SequenceWriter rows;

		private Live(SequenceWriter rows) {
			this.rows = rows;
		}

		@Override
		public void accept(List<ReceiptLine> lines) {
			try {
				for (ReceiptLine line : lines) {
					this.rows.write(cells(line.cells()));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			this.rows.close();
		}

	}

}
