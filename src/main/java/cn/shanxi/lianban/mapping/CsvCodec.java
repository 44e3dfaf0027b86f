package cn.shanxi.lianban.mapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Delimited text: Jackson CSV does the quoting and escaping, the mapping's charset (GBK
 * for civil affairs) the bytes.
 */
final class CsvCodec implements Codec {

	private static final CsvMapper CSV = new CsvMapper();

	private final CompiledMapping mapping;

	private final String[] names;

	private final ObjectWriter writer;

	private final ObjectReader reader;

	CsvCodec(CompiledMapping mapping) {
		this.mapping = mapping;
		this.names = mapping.fields().stream().map(CompiledField::name).toArray(String[]::new);
		MappingFile.CsvOptions o = mapping.csv();
		CsvSchema schema = CsvSchema.emptySchema()
			.withColumnSeparator(o.delimiter().charAt(0))
			.withQuoteChar(o.quote().charAt(0))
			.withLineSeparator(o.lineSeparator().text);
		ObjectWriter w = CSV.writer(schema);
		this.writer = (o.quoting() == MappingFile.Quoting.ALL)
				? w.with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
					.with(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
				: w.with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
		this.reader = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema);
		for (String name : this.names) {
			if (!mapping.charset().newEncoder().canEncode(name)) {
				throw new IllegalArgumentException(
						"column name '" + name + "' cannot be written in " + mapping.charset());
			}
		}
	}

	@Override
	public Rendered render(List<? extends JsonNode> records, JsonNode batchContext) {
		List<Substitution> substitutions = new ArrayList<>();
		CharsetFitter fitter = new CharsetFitter(this.mapping.charset(), true);
		ObjectNode batch = Records.batch(batchContext, records.size());
		List<String[]> rows = new ArrayList<>(records.size() + 1);
		if (this.mapping.csv().header()) {
			rows.add(this.names);
		}
		for (int i = 0; i < records.size(); i++) {
			EvaluationContext ctx = new EvaluationContext(records.get(i), batch, this.mapping.zone());
			String[] row = new String[this.names.length];
			for (int c = 0; c < row.length; c++) {
				CompiledField f = this.mapping.fields().get(c);
				try {
					Object value = f.evaluate(ctx);
					row[c] = (value != null) ? fitter.fit(f.write(value), f, i, substitutions).text() : "";
				}
				catch (MappingException ex) {
					throw ex.at(this.mapping.id(), f.name(), i);
				}
			}
			rows.add(row);
		}
		String text;
		try {
			text = this.writer.writeValueAsString(rows);
		}
		catch (IOException ex) {
			throw new IllegalStateException("CSV writing failed", ex);
		}
		return new Rendered(this.mapping.id(), Format.CSV, fitter.encode(text), List.of(), this.mapping.contentType(),
				this.mapping.charset(), Records.fileName(this.mapping, batch), List.copyOf(substitutions));
	}

	@Override
	public Parsed parse(byte[] bytes) {
		List<LineError> errors = new ArrayList<>();
		List<ObjectNode> records = new ArrayList<>();
		String text;
		try {
			text = TextDecoding.decode(bytes, this.mapping.charset());
		}
		catch (MappingException ex) {
			return new Parsed(List.of(), null, null, List.of(LineError.of(1, ex)));
		}
		int row = 0;
		try (MappingIterator<String[]> it = this.reader.readValues(text)) {
			while (it.hasNextValue()) {
				String[] cells = it.nextValue();
				row++;
				if (row == 1 && this.mapping.csv().header()) {
					if (!Arrays.equals(cells, this.names)) {
						errors.add(new LineError(1, null, "WRONG_HEADER", "表头应为 " + String.join(",", this.names),
								"the header row should be " + String.join(",", this.names)));
					}
					continue;
				}
				ObjectNode record = parseRow(cells, row, errors);
				if (record != null) {
					records.add(record);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			errors.add(new LineError(row + 1, null, "MALFORMED", "CSV 无法读取: " + ex.getMessage(),
					"unreadable CSV: " + ex.getMessage()));
		}
		return new Parsed(List.copyOf(records), null, null, List.copyOf(errors));
	}

	private ObjectNode parseRow(String[] cells, int row, List<LineError> errors) {
		if (cells.length != this.names.length) {
			errors.add(new LineError(row, null, "WRONG_LENGTH", "该行有 " + cells.length + " 列,应为 " + this.names.length,
					"the row has " + cells.length + " columns, " + this.names.length + " expected"));
			return null;
		}
		ObjectNode record = Records.object();
		boolean clean = true;
		for (int c = 0; c < cells.length; c++) {
			CompiledField f = this.mapping.fields().get(c);
			try {
				if (cells[c].isEmpty()) {
					if (f.required()) {
						throw new MappingException(MappingException.MISSING_VALUE, "缺少必填值",
								"a required value is missing");
					}
					continue;
				}
				Records.putBack(record, f, Records.readCanonical(f, cells[c]));
			}
			catch (MappingException ex) {
				errors.add(LineError.of(row, ex.at(null, f.name(), -1)));
				clean = false;
			}
		}
		return clean ? record : null;
	}

}
