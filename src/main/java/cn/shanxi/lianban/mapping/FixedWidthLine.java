package cn.shanxi.lianban.mapping;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One fixed-width record: each field padded to its width in bytes, and read back. */
final class FixedWidthLine {

	private final Charset charset;

	FixedWidthLine(Charset charset) {
		this.charset = charset;
	}

	static int width(List<CompiledField> fields) {
		int sum = 0;
		for (CompiledField f : fields) {
			sum += f.width();
		}
		return sum;
	}

	/** The field's bytes, exactly {@code width} long. */
	byte[] field(CompiledField f, Object value, CharsetFitter fitter, int record, List<Substitution> substitutions) {
		byte[] out = new byte[f.width()];
		byte pad = (byte) f.pad();
		if (value == null) {
			Arrays.fill(out, pad);
			return out;
		}
		String text = f.write(value);
		if (f.pad() == '0' && f.align() == Align.RIGHT && text.startsWith("-")) {
			throw new MappingException(MappingException.BAD_VALUE, "补零的字段不能写负数 " + text,
					"a zero-padded field cannot hold the negative number " + text);
		}
		byte[] bytes = fitter.fit(text, f, record, substitutions).bytes();
		int padding = f.width() - bytes.length;
		if (f.align() == Align.RIGHT) {
			Arrays.fill(out, 0, padding, pad);
			System.arraycopy(bytes, 0, out, padding, bytes.length);
		}
		else {
			System.arraycopy(bytes, 0, out, 0, bytes.length);
			Arrays.fill(out, bytes.length, out.length, pad);
		}
		return out;
	}

	/**
	 * @return the record's values at their paths, or {@code null} when the line has
	 * errors (they are added to {@code errors})
	 */
	ObjectNode parse(List<CompiledField> fields, byte[] line, int lineNo, List<LineError> errors,
			Map<String, BigDecimal> totals) {
		int expected = width(fields);
		if (line.length != expected) {
			errors.add(new LineError(lineNo, null, "WRONG_LENGTH", "记录长度为 " + line.length + " 字节,应为 " + expected,
					"the record is " + line.length + " bytes long, " + expected + " expected"));
			return null;
		}
		CharsetDecoder decoder = this.charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharsetFitter fitter = new CharsetFitter(this.charset, false);
		ObjectNode record = Records.object();
		boolean clean = true;
		int offset = 0;
		for (CompiledField f : fields) {
			try {
				Object value = value(f, line, offset, decoder, fitter);
				if (value != null && f.total()) {
					totals.merge(f.name(), (value instanceof BigDecimal d) ? d : BigDecimal.valueOf((Long) value),
							BigDecimal::add);
				}
				Records.putBack(record, f, value);
			}
			catch (MappingException ex) {
				errors.add(LineError.of(lineNo, ex.at(null, f.name(), -1)));
				clean = false;
			}
			offset += f.width();
		}
		return clean ? record : null;
	}

	private Object value(CompiledField f, byte[] line, int offset, CharsetDecoder decoder, CharsetFitter fitter) {
		String raw;
		try {
			raw = decoder.reset().decode(ByteBuffer.wrap(line, offset, f.width())).toString();
		}
		catch (CharacterCodingException ex) {
			throw new MappingException("MALFORMED", "字节不是完整的 " + this.charset.name() + " 字符(字段被从字符中间切开?)",
					"the bytes are not whole " + this.charset.name()
							+ " characters (a field cut through a character?)");
		}
		String text = strip(raw, f);
		if (text.isEmpty()) {
			if (f.required()) {
				throw new MappingException(MappingException.MISSING_VALUE, "缺少必填值", "a required value is missing");
			}
			return null;
		}
		Object value = f.read(text);
		String canonical = (f.code() != null) ? text : f.write(value);
		byte[] again = field(f, (f.code() != null) ? canonical : value, fitter, -1, new ArrayList<>());
		if (!Arrays.equals(again, 0, again.length, line, offset, offset + f.width())) {
			throw new MappingException(MappingException.NOT_CANONICAL,
					"'" + raw + "' 的写法应为 '" + new String(again, this.charset) + "'",
					"'" + raw + "' should be written '" + new String(again, this.charset) + "'");
		}
		return value;
	}

	/** The value without its padding; an all-zero number is 0, not empty. */
	private static String strip(String raw, CompiledField f) {
		char pad = f.pad();
		int begin = 0;
		int end = raw.length();
		if (f.align() == Align.LEFT) {
			while (end > 0 && raw.charAt(end - 1) == pad) {
				end--;
			}
		}
		else {
			while (begin < end && raw.charAt(begin) == pad) {
				begin++;
			}
		}
		if (begin == end && pad == '0' && f.type().isNumeric() && !raw.isEmpty()) {
			return "0";
		}
		return raw.substring(begin, end);
	}

}
