package cn.shanxi.lianban.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAndPhoneNumbersTests {

	@ParameterizedTest
	@CsvSource({ "13812345678, true", "+8613812345678, true", "0351-7654321, true", "03517654321, true",
			"010-62345678, true", "0351-7654321-801, true", "12812345678, false", "1381234567, false", "12345, false",
			"0351-0234567, false" })
	void phonesAreMobilesOrLandlines(String phone, boolean valid) {
		assertThat(PhoneNumbers.isValid(phone)).isEqualTo(valid);
	}

	@ParameterizedTest
	@CsvSource({ "6212260502000000005, true", "6217000010000000003, true", "6217000010000000004, false" })
	void luhn(String card, boolean passes) {
		assertThat(AccountNumbers.passesLuhn(card)).isEqualTo(passes);
	}

	@ParameterizedTest
	@CsvSource({ "102161000123, true", "10216100012, false", "1021610001234, false", "10216100012A, false" })
	void bankCodesHave12Digits(String code, boolean valid) {
		assertThat(AccountNumbers.isBankCode(code)).isEqualTo(valid);
	}

	@ParameterizedTest
	@CsvSource({ "110012345678, true", "12345678901, false", "1234567890123456789012345678901, false",
			"6212 2605 0200, false" })
	void accountNumbersAre12To30Digits(String number, boolean valid) {
		assertThat(AccountNumbers.isAccountNumber(number)).isEqualTo(valid);
	}

}
