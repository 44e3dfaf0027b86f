package cn.shanxi.lianban.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(nullValues = "VALID",
			value = { "140105195001010018, VALID", "140105198501010018, VALID", "11010519491231002X, VALID",
					"11010519491231002x, VALID", "140105195001010019, CHECK_CHARACTER", "1401051950010100, LENGTH",
					"14010519500101001A, CHARACTERS", "140105195002300014, BIRTH_DATE",
					"140105299901010013, BIRTH_DATE", "'', MISSING" })
	void checksGb11643(String id, IdNumbers.Defect expected) {
		assertThat(IdNumbers.check(id)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "14010519500101001, 8", "11010519491231002, X" })
	void checkCharacterIsIso7064Mod11_2(String first17, char expected) {
		assertThat(IdNumbers.checkChar(first17)).isEqualTo(expected);
	}

}
