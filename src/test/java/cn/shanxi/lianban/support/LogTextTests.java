package cn.shanxi.lianban.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTests {

	@Test
	void lineBreaksAndOtherControlCharactersAreEscaped() {
		assertThat(LogText.of("a\r\nb\tc\u0000d\u001Be\u007Ff\u0085g"))
			.isEqualTo("a\\r\\nb\\tc\\u0000d\\u001Be\\u007Ff\\u0085g");
	}

	@Test
	void bidirectionalOverridesAndLineSeparatorsAreEscaped() {
		assertThat(LogText.of("invoice\u202Egpj.exe\u2028x\u2066y")).isEqualTo("invoice\\u202Egpj.exe\\u2028x\\u2066y");
	}

	@Test
	void personalNumbersAreMaskedAndPlainTextIsLeftAlone() {
		assertThat(LogText.of("死亡医学证明_140105195001010018.csv")).isEqualTo("死亡医学证明_1401**********0018.csv");
		assertThat(LogText.of("火化证明_𠮷.csv")).isEqualTo("火化证明_𠮷.csv");
		assertThat(LogText.of(null)).isEqualTo("null");
	}

}
