package cn.shanxi.lianban.certificate.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;

import cn.shanxi.lianban.certificate.RawRecord;
import cn.shanxi.lianban.certificate.Reason;
import cn.shanxi.lianban.certificate.TreeRecords;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;

/**
 * Reads a partner's file in its charset and format: CSV with a header row of dotted field
 * names (streamed, so a file of 100,000 records is never held whole), XML or JSON. First
 * the whole file is hashed and checked to decode in the partner's charset, so a file in
 * the wrong encoding is refused before any of its records counts.
 */
public final class PartnerFileReader {

	private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
		.enable(CsvParser.Feature.SKIP_EMPTY_LINES);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final XmlMapper XML = xmlMapper();

	private PartnerFileReader() {
	}

	/**
	 * The file's SHA-256, after checking it has content and decodes in {@code charset}.
	 */
	public static String checkAndHash(Path file, Charset charset) {
		try {
			if (Files.size(file) == 0) {
				throw new UnreadableFileException("file.empty", "空文件：文件没有任何内容，请检查后重新发送",
						"The file is empty: it has no content at all; check it and send it again", null);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		MessageDigest digest = sha256();
		CharsetDecoder decoder = strict(charset);
		try (Reader reader = new InputStreamReader(new DigestInputStream(Files.newInputStream(file), digest),
				decoder)) {
			char[] buffer = new char[65536];
			while (reader.read(buffer) >= 0) {
				// decoding is the check
			}
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableFileException("file.charset", "文件内容不是约定的字符集 " + charset.name() + "，请检查编码",
					"The file is not in the agreed charset " + charset.name(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The file's SHA-256: what decides whether it was taken in before. */
	public static String sha256(Path file) {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The records of a file that passed {@link #checkAndHash}. */
	public static Records read(Path file, Partner partner) {
		String format = format(file, partner);
		try {
			return switch (format) {
				case "CSV" -> csv(file, partner.fileCharset());
				case "JSON" -> tree(JSON, file, partner.fileCharset(), "JSON");
				case "XML" -> tree(XML, file, partner.fileCharset(), "XML");
				default -> throw new UnreadableFileException("file.format", "不支持的文件格式：" + format,
						"Unsupported file format: " + format, null);
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file's extension when it names a format, else the partner's agreed format. */
	static String format(Path file, Partner partner) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		for (String format : List.of("csv", "xml", "json")) {
			if (name.endsWith("." + format)) {
				return format.toUpperCase(Locale.ROOT);
			}
		}
		return partner.fileFormat().toUpperCase(Locale.ROOT);
	}

	private static Records tree(ObjectMapper mapper, Path file, Charset charset, String format) throws IOException {
		JsonNode root;
		try (Reader reader = reader(file, charset)) {
			root = mapper.readTree(reader);
		}
		catch (JsonProcessingException ex) {
			// a parser that gave up on a value too large for it knows no location
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : -1;
			throw new UnreadableFileException("file.syntax",
					"文件不是有效的 " + format + ((line > 0) ? "：第 " + line + " 行附近有误" : "（内容过大或格式有误）"),
					"The file is not valid " + format
							+ ((line > 0) ? " (near line " + line + ")" : " (a value too large, or broken)"),
					ex);
		}
		List<RawRecord> records = TreeRecords.records(root);
		if (records == null) {
			throw new UnreadableFileException("file.no-records", "文件中没有可识别的记录（应为一条记录、记录数组或 records 列表）",
					"The file holds no recognisable records (one record, an array, or a records list)", null);
		}
		return new Records(records.iterator(), () -> {
		});
	}

	private static Records csv(Path file, Charset charset) throws IOException {
		Reader reader = reader(file, charset);
		MappingIterator<Map<String, String>> rows;
		try {
			rows = CSV.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(reader);
			if (!rows.hasNext()) {
				reader.close();
				throw new UnreadableFileException("file.no-records", "CSV 文件没有表头或没有记录",
						"The CSV file has no header row or no records", null);
			}
		}
		catch (RuntimeJsonMappingException | JsonProcessingException ex) {
			reader.close();
			throw new UnreadableFileException("file.header", "CSV 表头无法读取", "The CSV header row cannot be read", ex);
		}
		CsvParser parser = (CsvParser) rows.getParser();
		String twice = namedTwice(parser.getSchema());
		if (twice != null) {
			reader.close();
			// Jackson keeps the last of the two: which was meant, no one knows
			throw new UnreadableFileException("file.header-duplicate", "表头中 " + twice + " 列出现两次，无法确定应读取哪一列，请修正表头后重新发送",
					"The header names column " + twice
							+ " twice: which one to read is unclear; correct the header and send the file again",
					null);
		}
		return new Records(new CsvRecords(rows, parser), reader::close);
	}

	/** The first column name the header holds twice, or {@code null}. */
	private static String namedTwice(CsvSchema schema) {
		Set<String> names = new HashSet<>();
		for (CsvSchema.Column column : schema) {
			if (!names.add(column.getName())) {
				return column.getName();
			}
		}
		return null;
	}

	private static Reader reader(Path file, Charset charset) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), strict(charset)),
				65536);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset(); // no byte order mark (spreadsheets write one in UTF-8)
		}
		return reader;
	}

	private static CharsetDecoder strict(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static XmlMapper xmlMapper() {
		// partner XML is untrusted: no DTDs, no external entities
		XMLInputFactory input = XMLInputFactory.newFactory();
		input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return new XmlMapper(new XmlFactory(input));
	}

	/** The records of a file, read as they are asked for; close when done. */
	public record Records(Iterator<RawRecord> iterator, AutoCloseable closer) implements AutoCloseable {

		@Override
		public void close() {
			try {
				this.closer.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * CSV rows as records, each with the line of the file where it starts (the header is
	 * line 1; blank lines and line breaks inside quoted cells count, as an editor shows
	 * them). A row that cannot be mapped (e.g. more cells than the header) is a record
	 * with a read error, refused alone.
	 */
	private static final class CsvRecords implements Iterator<RawRecord> {

		private final MappingIterator<Map<String, String>> rows;

		private final CsvParser parser;

		CsvRecords(MappingIterator<Map<String, String>> rows, CsvParser parser) {
			this.rows = rows;
			this.parser = parser;
		}

		@Override
		public boolean hasNext() {
			try {
				return this.rows.hasNextValue();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public RawRecord next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			// positioned at the row's start: the parser has read up to its first cell
			int line = this.parser.currentLocation().getLineNr();
			try {
				Map<String, String> fields = this.rows.nextValue();
				fields.values().removeIf((value) -> value == null || value.isEmpty());
				return new RawRecord(line, fields);
			}
			catch (IOException | RuntimeJsonMappingException ex) {
				return new RawRecord(line, Map.of(), List.of(new Reason("csv.row", "此行无法按表头读取（列数不符或引号未闭合）",
						"This row does not fit the header (column count or quotes)")));
			}
		}

	}

}
