package cn.shanxi.lianban.mapping;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static cn.shanxi.lianban.mapping.GoldenFilesTests.BATCH;
import static cn.shanxi.lianban.mapping.GoldenFilesTests.payment;
import static cn.shanxi.lianban.mapping.GoldenFilesTests.reply;
import static cn.shanxi.lianban.mapping.MappingTestSupport.ENGINE;
import static cn.shanxi.lianban.mapping.MappingTestSupport.assertBytes;
import static cn.shanxi.lianban.mapping.MappingTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Fixed-width records: widths in bytes, never a character cut in two. */
class FixedWidthTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	/** The XM field: after JLLX(1) YWLSH(64) LBBH(24) SXBM(4) of the D record. */
	static final int XM = 1 + 64 + 24 + 4;

	@Test
	void aTwoByteNameIsPaddedWithSpacesToThirtyBytes() {
		byte[] xm = nameField(render("李大山"));
		assertBytes(concat(hex("C0EEB4F3C9BD"), spaces(24)), xm, GB18030);
	}

	@Test
	void aFourByteCharacterTakesFourBytesOfTheField() {
		byte[] xm = nameField(render("王𠮷祥"));
		assertBytes(concat(hex("CDF59534B235CFE9"), spaces(22)), xm, GB18030);
	}

	@Test
	void aFifteenCharacterNameFillsItsThirtyBytesExactly() {
		String name = "阿卜杜热合曼·买买提明·艾力江";
		assertThat(name.codePointCount(0, name.length())).isEqualTo(15);
		byte[] xm = nameField(render(name));
		assertBytes(name.getBytes(GB18030), xm, GB18030);
	}

	@Test
	void aFourByteCharacterThatWouldStraddleTheFieldEndFailsTheItemRatherThanBeingCut() {
		String name = "欧阳".repeat(7) + "𠮷"; // 28 bytes + 4 = 32 > 30
		ObjectNode ok = context("HUKOU_CANCELLATION", "POLICE_HUKOU");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("police-hukou-cancellation",
					List.of(ok, context("HUKOU_CANCELLATION", "POLICE_HUKOU", name)), BATCH))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(MappingException.VALUE_TOO_LONG);
				assertThat(ex.mappingId()).isEqualTo("police-hukou-cancellation");
				assertThat(ex.field()).isEqualTo("XM");
				assertThat(ex.record()).isEqualTo(1);
				assertThat(ex.messageZh()).contains("32 字节").contains("30 字节");
				assertThat(ex.messageEn()).contains("32 bytes in GB18030");
			});
	}

	@Test
	void aFieldThatTruncatesCutsBeforeAFourByteCharacterThatWouldStraddleItsEnd() {
		String reason = "户".repeat(49) + "𠮷" + "号"; // 98 bytes, then 4 that do not fit
														// in 100
		byte[] bytes = ENGINE.render("police-hukou-result", List.of(reply("""
				{"reference": "R-1", "status": "REJECTED", "reason": "%s"}""".formatted(reason))), BATCH).bytes();
		byte[] line = lines(bytes, GB18030)[1];
		byte[] jgsm = Arrays.copyOfRange(line, 1 + 64 + 1, 1 + 64 + 1 + 100);
		assertBytes(concat("户".repeat(49).getBytes(GB18030), spaces(2)), jgsm, GB18030);
		Parsed parsed = ENGINE.parse("police-hukou-result", bytes);
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.records().get(0).at("/reply/reason").asText()).isEqualTo("户".repeat(49));
	}

	@Test
	void aGbkFieldThatTruncatesCutsBeforeATwoByteCharacterAtAnOddBoundary() {
		byte[] bytes = ENGINE.render("test-gbk-payment", List.of(payment("P1", "李明", "abc李大山李", "1.00")), BATCH)
			.bytes();
		byte[] alias = Arrays.copyOfRange(lines(bytes, Charset.forName("GBK"))[1], 21, 31);
		assertBytes(concat("abc李大山".getBytes(Charset.forName("GBK")), spaces(1)), alias, Charset.forName("GBK"));
	}

	@Test
	void headerAndTrailerCarryTheCountAndTheTotalOfTheAmounts() {
		String text = ENGINE
			.render("test-gbk-payment",
					List.of(payment("P1", "李明", null, "1234.50"), payment("P2", "李明", null, "0.05")), BATCH)
			.text();
		assertThat(text).startsWith("H202611290002000001234.55\r\n").endsWith("T0002000001234.55\r\n");
	}

	@Test
	void aLineBreakInsideAValueFailsBecauseItWouldSplitTheRecord() {
		ObjectNode ctx = context("HUKOU_CANCELLATION", "POLICE_HUKOU", "李大山\r\nD");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("police-hukou-cancellation", List.of(ctx), BATCH))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(MappingException.CONTROL_CHARACTER));
	}

	@Test
	void parsingRejectsARecordOfTheWrongLength() {
		byte[] bytes = render("李大山");
		String text = new String(bytes, GB18030).replace("李大山 ", "李大山");
		Parsed parsed = ENGINE.parse("police-hukou-cancellation", text.getBytes(GB18030));
		assertThat(parsed.records()).isEmpty();
		assertThat(parsed.errors()).singleElement().satisfies((e) -> {
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.code()).isEqualTo("WRONG_LENGTH");
		});
	}

	@Test
	void parsingRejectsAFieldCutThroughACharacter() {
		byte[] bytes = render("李大山");
		int xm = new String(bytes, GB18030).indexOf("\r\n") + 2 + XM;
		// the name's last byte becomes the lead byte of a character whose second byte is
		// in the next field
		bytes[xm + 29] = (byte) 0xC0;
		Parsed parsed = ENGINE.parse("police-hukou-cancellation", bytes);
		assertThat(parsed.errors()).anySatisfy((e) -> {
			assertThat(e.field()).isEqualTo("XM");
			assertThat(e.code()).isEqualTo("MALFORMED");
		});
	}

	@Test
	void parsingRejectsADateWrittenAnyOtherWayThanTheMappingWritesIt() {
		String text = new String(render("李大山"), GB18030).replace("20261127", "20261131");
		Parsed parsed = ENGINE.parse("police-hukou-cancellation", text.getBytes(GB18030));
		assertThat(parsed.errors()).anySatisfy((e) -> {
			assertThat(e.field()).isEqualTo("SWRQ");
			assertThat(e.code()).isIn(MappingException.BAD_VALUE, MappingException.NOT_CANONICAL);
		});
	}

	@Test
	void parsingChecksTheTrailersCountAgainstTheRecords() {
		String text = new String(render("李大山"), GB18030).replace("T000001", "T000002");
		Parsed parsed = ENGINE.parse("police-hukou-cancellation", text.getBytes(GB18030));
		assertThat(parsed.records()).hasSize(1);
		assertThat(parsed.errors()).singleElement().satisfies((e) -> {
			assertThat(e.code()).isEqualTo("WRONG_COUNT");
			assertThat(e.line()).isEqualTo(3);
		});
	}

	@Test
	void parsingChecksTheTotalAgainstTheAmounts() {
		String text = ENGINE.render("test-gbk-payment", List.of(payment("P1", "李明", null, "10.00")), BATCH)
			.text()
			.replace("T0001000000010.00", "T0001000000011.00");
		Parsed parsed = ENGINE.parse("test-gbk-payment", text.getBytes(Charset.forName("GBK")));
		assertThat(parsed.errors()).singleElement().satisfies((e) -> assertThat(e.code()).isEqualTo("WRONG_TOTAL"));
	}

	@Test
	void parsingRejectsAResultCodeTheTableDoesNotList() {
		String text = ENGINE.render("police-hukou-result", List.of(reply("""
				{"reference": "R-1", "status": "DONE"}""")), BATCH).text();
		Parsed parsed = ENGINE.parse("police-hukou-result",
				text.replace("R-1" + " ".repeat(61) + "0", "R-1" + " ".repeat(61) + "7").getBytes(GB18030));
		assertThat(parsed.errors()).singleElement().satisfies((e) -> {
			assertThat(e.code()).isEqualTo(MappingException.UNKNOWN_CODE);
			assertThat(e.messageEn()).isEqualTo("code table hukou-result has no entry for code '7'");
		});
	}

	@Test
	void parsingRejectsAFileWhoseLastRecordHasNoSeparator() {
		byte[] bytes = render("李大山");
		Parsed parsed = ENGINE.parse("police-hukou-cancellation", Arrays.copyOf(bytes, bytes.length - 2));
		assertThat(parsed.errors()).anySatisfy((e) -> assertThat(e.code()).isEqualTo("MALFORMED"));
	}

	private static byte[] render(String name) {
		return ENGINE
			.render("police-hukou-cancellation", List.of(context("HUKOU_CANCELLATION", "POLICE_HUKOU", name)), BATCH)
			.bytes();
	}

	private static byte[] nameField(byte[] file) {
		byte[] line = lines(file, GB18030)[1];
		return Arrays.copyOfRange(line, XM, XM + 30);
	}

	private static byte[][] lines(byte[] file, Charset charset) {
		java.util.List<byte[]> out = new java.util.ArrayList<>();
		int start = 0;
		for (int i = 0; i + 1 < file.length; i++) {
			if (file[i] == '\r' && file[i + 1] == '\n') {
				out.add(Arrays.copyOfRange(file, start, i));
				start = i + 2;
			}
		}
		return out.toArray(byte[][]::new);
	}

	private static byte[] hex(String hex) {
		return java.util.HexFormat.of().parseHex(hex);
	}

	private static byte[] spaces(int n) {
		byte[] b = new byte[n];
		Arrays.fill(b, (byte) ' ');
		return b;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
