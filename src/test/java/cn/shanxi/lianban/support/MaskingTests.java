package cn.shanxi.lianban.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void idNumbersKeepTheirFirstAndLastFour() {
		assertThat(Masking.mask("140105195001010018")).isEqualTo("1401**********0018");
	}

	@Test
	void mobilesKeepTheirFirstThreeAndLastFour() {
		assertThat(Masking.mask("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void everyPersonalNumberInFreeTextIsMasked() {
		String line = "deceased=140105195001010018 phone 13812345678, card:6212260502000000005 x=11010519491231002X";

		String masked = Masking.maskAll(line);

		assertThat(masked).doesNotContain("140105195001010018", "13812345678", "6212260502000000005",
				"11010519491231002X");
		assertThat(masked).contains("1401**********0018", "138****5678", "6212***********0005", "1101**********002X");
	}

	@Test
	void shortNumbersAndCaseNumbersStay() {
		assertThat(Masking.maskAll("port 8080, 3 items, case SX20261129000123"))
			.isEqualTo("port 8080, 3 items, case SX20261129000123");
	}

}
