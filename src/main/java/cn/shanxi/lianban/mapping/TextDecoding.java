package cn.shanxi.lianban.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/** Bytes → text in the agency's charset, refusing bytes that are not its characters. */
final class TextDecoding {

	private TextDecoding() {
	}

	static String decode(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new MappingException("MALFORMED", "内容不是合法的 " + charset.name() + " 文本",
					"the content is not valid " + charset.name() + " text");
		}
	}

}
