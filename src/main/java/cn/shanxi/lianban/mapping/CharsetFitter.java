package cn.shanxi.lianban.mapping;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Makes a field's text fit the agency's charset and width: a character the charset cannot
 * hold fails or is substituted as declared (never a silent {@code ?}: the encoder
 * REPORTs), and a value too long fails or is cut after the last whole character that
 * fits. One per render call: an encoder is not thread-safe.
 */
final class CharsetFitter {

	private final Charset charset;

	private final CharsetEncoder encoder;

	private final boolean lineBreaksAllowed;

	/**
	 * @param lineBreaksAllowed whether the format can carry CR, LF and TAB inside a value
	 * (CSV quotes them, XML and JSON escape them; a fixed-width record cannot)
	 */
	CharsetFitter(Charset charset, boolean lineBreaksAllowed) {
		this.charset = charset;
		this.encoder = charset.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		this.lineBreaksAllowed = lineBreaksAllowed;
	}

	/** The fitted text and its bytes in the charset. */
	record Fitted(String text, byte[] bytes) {
	}

	Fitted fit(String text, CompiledField field, int record, List<Substitution> substitutions) {
		checkControls(text);
		byte[] bytes = tryEncode(text);
		if (bytes == null) {
			text = substitute(text, field, record, substitutions);
			bytes = tryEncode(text);
		}
		if (field.width() != null && bytes.length > field.width()) {
			if (field.overflow() != Overflow.TRUNCATE) {
				throw new MappingException(MappingException.VALUE_TOO_LONG,
						"值为 " + bytes.length + " 字节(" + this.charset.name() + "),超过字段宽度 " + field.width() + " 字节",
						"the value is " + bytes.length + " bytes in " + this.charset.name() + ", the field holds "
								+ field.width());
			}
			text = truncate(text, field.width());
			bytes = tryEncode(text);
		}
		return new Fitted(text, bytes);
	}

	/** The whole text in the charset; every character in it was already checked. */
	byte[] encode(String text) {
		byte[] bytes = tryEncode(text);
		if (bytes == null) {
			throw new IllegalStateException("text was not fitted to " + this.charset);
		}
		return bytes;
	}

	private byte[] tryEncode(String text) {
		try {
			ByteBuffer out = this.encoder.reset().encode(CharBuffer.wrap(text));
			return Arrays.copyOf(out.array(), out.limit());
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private void checkControls(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = c < 0x20 || c == 0x7F;
			boolean allowed = this.lineBreaksAllowed && (c == '\r' || c == '\n' || c == '\t');
			if (control && !allowed) {
				String at = String.format(Locale.ROOT, "U+%04X", (int) c);
				throw new MappingException(MappingException.CONTROL_CHARACTER, "值中含有控制字符 " + at + ",此格式无法承载",
						"the value contains the control character " + at + ", which this format cannot carry");
			}
		}
	}

	private String substitute(String text, CompiledField field, int record, List<Substitution> substitutions) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			String ch = new String(Character.toChars(cp));
			i += ch.length();
			if (Character.isSurrogate(ch.charAt(0)) && ch.length() == 1) {
				throw new MappingException(MappingException.BAD_VALUE, "值中含有不成对的代理字符",
						"the value has a lone surrogate");
			}
			if (this.encoder.reset().canEncode(ch)) {
				out.append(ch);
				continue;
			}
			String at = String.format(Locale.ROOT, "U+%04X", cp);
			if (field.unencodable() != Unencodable.SUBSTITUTE) {
				throw new MappingException(MappingException.UNENCODABLE_CHARACTER,
						"字符 " + ch + " (" + at + ") 无法用 " + this.charset.name() + " 表示,需线下办理",
						"the character " + ch + " (" + at + ") cannot be written in " + this.charset.name()
								+ "; the item needs the window");
			}
			out.append(field.substitute());
			substitutions.add(new Substitution(record, field.name(), ch, at, field.substitute()));
		}
		return out.toString();
	}

	/** The longest prefix of whole characters that fits in {@code width} bytes. */
	private String truncate(String text, int width) {
		int used = 0;
		int end = 0;
		while (end < text.length()) {
			int next = end + Character.charCount(text.codePointAt(end));
			int size = tryEncode(text.substring(end, next)).length;
			if (used + size > width) {
				break;
			}
			used += size;
			end = next;
		}
		return text.substring(0, end);
	}

}
