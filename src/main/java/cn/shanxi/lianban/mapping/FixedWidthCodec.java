package cn.shanxi.lianban.mapping;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fixed-width records, widths in bytes of GB18030 or GBK: an optional header, the body
 * records, an optional trailer, each followed by the record separator. Hand-written:
 * Bindy counts characters, not bytes.
 */
final class FixedWidthCodec implements Codec {

	private final CompiledMapping mapping;

	private final byte[] separator;

	private final FixedWidthLine line;

	FixedWidthCodec(CompiledMapping mapping) {
		this.mapping = mapping;
		this.separator = mapping.fixedWidth().recordSeparator().text.getBytes(mapping.charset());
		this.line = new FixedWidthLine(mapping.charset());
	}

	@Override
	public Rendered render(List<? extends JsonNode> records, JsonNode batchContext) {
		List<Substitution> substitutions = new ArrayList<>();
		CharsetFitter fitter = new CharsetFitter(this.mapping.charset(), false);
		ObjectNode batch = Records.batch(batchContext, records.size());
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		ByteArrayOutputStream body = new ByteArrayOutputStream(records.size() * 256 + 64);
		for (int i = 0; i < records.size(); i++) {
			EvaluationContext ctx = new EvaluationContext(records.get(i), batch, this.mapping.zone());
			writeRecord(this.mapping.fields(), ctx, i, fitter, substitutions, totals, body);
		}
		ObjectNode totalsNode = batch.putObject("totals");
		totals.forEach((name, sum) -> totalsNode.set(name, DecimalNode.valueOf(sum)));
		for (CompiledField f : this.mapping.fields()) {
			if (f.total() && !totalsNode.has(f.name())) {
				totalsNode.put(f.name(), 0);
			}
		}
		EvaluationContext batchOnly = new EvaluationContext(null, batch, this.mapping.zone());
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 256);
		writeRecord(this.mapping.header(), batchOnly, -1, fitter, substitutions, totals, out);
		out.writeBytes(body.toByteArray());
		writeRecord(this.mapping.trailer(), batchOnly, -1, fitter, substitutions, totals, out);
		return new Rendered(this.mapping.id(), Format.FIXED_WIDTH, out.toByteArray(), List.of(),
				this.mapping.contentType(), this.mapping.charset(), Records.fileName(this.mapping, batch),
				List.copyOf(substitutions));
	}

	private void writeRecord(List<CompiledField> fields, EvaluationContext ctx, int record, CharsetFitter fitter,
			List<Substitution> substitutions, Map<String, BigDecimal> totals, ByteArrayOutputStream out) {
		if (fields.isEmpty()) {
			return;
		}
		for (CompiledField f : fields) {
			try {
				Object value = f.evaluate(ctx);
				if (value != null && f.total() && record >= 0) {
					BigDecimal n = (value instanceof BigDecimal d) ? d : BigDecimal.valueOf((Long) value);
					totals.merge(f.name(), n, BigDecimal::add);
				}
				out.writeBytes(this.line.field(f, value, fitter, record, substitutions));
			}
			catch (MappingException ex) {
				throw ex.at(this.mapping.id(), f.name(), record);
			}
		}
		out.writeBytes(this.separator);
	}

	@Override
	public Parsed parse(byte[] bytes) {
		List<LineError> errors = new ArrayList<>();
		List<byte[]> lines = split(bytes, errors);
		List<CompiledField> header = this.mapping.header();
		List<CompiledField> trailer = this.mapping.trailer();
		int first = header.isEmpty() ? 0 : 1;
		int end = trailer.isEmpty() ? lines.size() : lines.size() - 1;
		if (end < first) {
			errors.add(new LineError(1, null, "WRONG_COUNT", "文件缺少头记录或尾记录", "the file lacks its header or trailer"));
			return new Parsed(List.of(), null, null, errors);
		}
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		ObjectNode head = header.isEmpty() ? null : this.line.parse(header, lines.get(0), 1, errors, totals);
		List<ObjectNode> records = new ArrayList<>();
		int errorsBefore = errors.size();
		for (int i = first; i < end; i++) {
			ObjectNode record = this.line.parse(this.mapping.fields(), lines.get(i), i + 1, errors, totals);
			if (record != null) {
				records.add(record);
			}
		}
		boolean bodyClean = errors.size() == errorsBefore;
		ObjectNode trail = trailer.isEmpty() ? null
				: this.line.parse(trailer, lines.get(lines.size() - 1), lines.size(), errors, totals);
		BatchChecks.check(header, head, 1, end - first, bodyClean ? totals : null, errors);
		BatchChecks.check(trailer, trail, lines.size(), end - first, bodyClean ? totals : null, errors);
		return new Parsed(List.copyOf(records), head, trail, List.copyOf(errors));
	}

	private List<byte[]> split(byte[] bytes, List<LineError> errors) {
		List<byte[]> lines = new ArrayList<>();
		if (this.separator.length == 0) {
			return splitByLength(bytes, errors);
		}
		int start = 0;
		for (int i = 0; i + this.separator.length <= bytes.length; i++) {
			if (bytes[i] == this.separator[0]
					&& Arrays.equals(bytes, i, i + this.separator.length, this.separator, 0, this.separator.length)) {
				lines.add(Arrays.copyOfRange(bytes, start, i));
				i += this.separator.length - 1;
				start = i + 1;
			}
		}
		if (start < bytes.length) {
			lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
			errors.add(new LineError(lines.size(), null, "MALFORMED", "文件最后一条记录后缺少记录分隔符",
					"the last record is not followed by the record separator"));
		}
		return lines;
	}

	private List<byte[]> splitByLength(byte[] bytes, List<LineError> errors) {
		List<byte[]> lines = new ArrayList<>();
		int headerWidth = FixedWidthLine.width(this.mapping.header());
		int bodyWidth = FixedWidthLine.width(this.mapping.fields());
		int trailerWidth = FixedWidthLine.width(this.mapping.trailer());
		int pos = 0;
		if (headerWidth > 0 && bytes.length >= headerWidth) {
			lines.add(Arrays.copyOfRange(bytes, 0, headerWidth));
			pos = headerWidth;
		}
		while (bytes.length - pos - trailerWidth >= bodyWidth && bodyWidth > 0) {
			lines.add(Arrays.copyOfRange(bytes, pos, pos + bodyWidth));
			pos += bodyWidth;
		}
		if (bytes.length - pos != trailerWidth) {
			errors.add(new LineError(lines.size() + 1, null, "WRONG_LENGTH", "文件长度与记录宽度不符",
					"the file's length does not fit the record widths"));
		}
		else if (trailerWidth > 0) {
			lines.add(Arrays.copyOfRange(bytes, pos, bytes.length));
		}
		return lines;
	}

}
