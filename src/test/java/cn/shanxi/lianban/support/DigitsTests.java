package cn.shanxi.lianban.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DigitsTests {

	@Test
	void writesWhatFormatterWrites() {
		long[] values = { 0, 7, 42, 12345678, 123456789, 99999999999L, Long.MAX_VALUE };
		int[] widths = { 0, 1, 6, 8, 11, 13, 16 };
		for (long v : values) {
			for (int w : widths) {
				String expected = (w == 0) ? Long.toString(v) : String.format("%0" + w + "d", v);
				assertThat(Digits.zeroPadded(v, w)).as("%d in %d digits", v, w).isEqualTo(expected);
			}
		}
	}

	@Test
	void refusesANegativeNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> Digits.zeroPadded(-1, 8)).withMessageContaining("-1");
	}

}
