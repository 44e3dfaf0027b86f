package cn.shanxi.lianban.mapping;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static cn.shanxi.lianban.mapping.GoldenFilesTests.BATCH;
import static cn.shanxi.lianban.mapping.GoldenFilesTests.reply;
import static cn.shanxi.lianban.mapping.MappingTestSupport.ENGINE;
import static cn.shanxi.lianban.mapping.MappingTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** CSV, XML, JSON and rows: what they accept and what they refuse. */
class DocumentFormatTests {

	static final Charset GBK = Charset.forName("GBK");

	@Test
	void aCsvWithAnotherHeaderIsRefused() {
		String csv = "业务流水号,结果,停发年月,应追回金额,说明,办理日期\r\nR-1,1,,,,\r\n";
		Parsed parsed = ENGINE.parse("civil-affairs-result", csv.getBytes(GBK));
		assertThat(parsed.errors()).singleElement().satisfies((e) -> {
			assertThat(e.code()).isEqualTo("WRONG_HEADER");
			assertThat(e.line()).isEqualTo(1);
		});
	}

	@Test
	void aCsvRowWithAMissingColumnIsRefusedAndTheOthersKept() {
		String csv = "业务流水号,处理结果,停发年月,应追回金额,说明,办理日期\r\nR-1,1,,,,\r\nR-2,1,,\r\n";
		Parsed parsed = ENGINE.parse("civil-affairs-result", csv.getBytes(GBK));
		assertThat(parsed.records()).hasSize(1);
		assertThat(parsed.errors()).singleElement().satisfies((e) -> {
			assertThat(e.code()).isEqualTo("WRONG_LENGTH");
			assertThat(e.line()).isEqualTo(3);
		});
	}

	@Test
	void aCsvInUtf8WhereGbkIsDeclaredIsRefused() {
		String csv = "业务流水号,处理结果,停发年月,应追回金额,说明,办理日期\r\n";
		Parsed parsed = ENGINE.parse("civil-affairs-result", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.errors()).isNotEmpty();
	}

	@Test
	void anAmountWrittenWithoutItsTwoDecimalsIsRefused() {
		String csv = "业务流水号,处理结果,停发年月,应追回金额,说明,办理日期\r\nR-1,1,,12.5,,\r\n";
		Parsed parsed = ENGINE.parse("civil-affairs-result", csv.getBytes(GBK));
		assertThat(parsed.errors()).singleElement().satisfies((e) -> {
			assertThat(e.code()).isEqualTo(MappingException.NOT_CANONICAL);
			assertThat(e.messageEn()).isEqualTo("'12.5' should be written '12.50'");
		});
	}

	@Test
	void xmlInAnotherNamespaceOrWithAnElementTheMappingDoesNotNameIsRefused() {
		String xml = ENGINE.render("police-traffic-reply", reply("""
				{"reference": "R-1", "status": "DONE"}""")).text();
		assertThat(
				ENGINE.parse("police-traffic-reply", xml.replace("/1.0\"", "/2.0\"").getBytes(StandardCharsets.UTF_8))
					.errors())
			.anySatisfy((e) -> assertThat(e.code()).isEqualTo("WRONG_NAMESPACE"));
		assertThat(ENGINE
			.parse("police-traffic-reply",
					xml.replace("<jg:sm/>", "<jg:sm/><jg:extra>1</jg:extra>").getBytes(StandardCharsets.UTF_8))
			.errors()).singleElement()
			.satisfies((e) -> assertThat(e.messageEn()).isEqualTo("unexpected element <extra>"));
	}

	@Test
	void xmlWithADoctypeIsRefusedAndNoEntityIsResolved() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<jg:JszZxHf xmlns:jg="http://jtgl.gat.shanxi.gov.cn/schema/lb/jszzx/1.0" version="1.0">
				  <jg:Head><jg:ywlsh>&x;</jg:ywlsh></jg:Head><jg:Body><jg:jg>1</jg:jg></jg:Body>
				</jg:JszZxHf>
				""";
		Parsed parsed = ENGINE.parse("police-traffic-reply", xml.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.records()).isEmpty();
		assertThat(parsed.errors())
			.anySatisfy((e) -> assertThat(e.messageEn()).isEqualTo("no DTD or entity is accepted"));
	}

	@Test
	void aJsonCallbackWithAKeyTheMappingDoesNotNameOrANumberAsTextIsRefused() {
		Parsed parsed = ENGINE.parse("hrss-reply", """
				{"ywlsh": "R-1", "blzt": "02", "ffje": "12.00", "extra": 1}""".getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.records()).isEmpty();
		assertThat(parsed.errors()).extracting(LineError::field).containsExactlyInAnyOrder("extra", "ffje");
	}

	@Test
	void aJsonKeyGivenTwiceIsRefused() {
		Parsed parsed = ENGINE.parse("hrss-reply", """
				{"ywlsh": "R-1", "blzt": "02", "blzt": "03"}""".getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.errors()).singleElement().satisfies((e) -> assertThat(e.code()).isEqualTo("MALFORMED"));
	}

	@Test
	void aDocumentFormatRendersOneRecordAtATime() {
		var ctx = context("PENSION_ACCOUNT_REFUND", "HRSS");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("hrss-request", List.of(ctx, ctx), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(MappingException.ONE_RECORD_PER_DOCUMENT));
	}

	@Test
	void stagingRowsCarryTypedValuesForTheInsert() {
		Rendered rendered = ENGINE.render("housing-fund-withdrawal",
				List.of(context("HOUSING_FUND_WITHDRAWAL", "HOUSING_FUND")), BATCH);
		Map<String, Object> row = rendered.rows().get(0);
		assertThat(row).containsEntry("ref_no", "SX2026112900000123-HOUSING_FUND_WITHDRAWAL")
			.containsEntry("death_date", LocalDate.of(2026, 11, 27))
			.containsEntry("created_at", LocalDateTime.of(2026, 11, 29, 10, 16))
			.containsEntry("relation", "20")
			.containsEntry("status", "0");
		assertThat(row.keySet()).startsWith("ref_no", "case_no", "name");
	}

	@Test
	void statusRowsAreReadWhateverCaseTheDatabaseGivesTheColumnLabelsAndWithJdbcTypes() {
		Map<String, Object> row = new HashMap<>();
		row.put("REF_NO", "R-1");
		row.put("Status", "2");
		row.put("amount", new BigDecimal("45678.90"));
		row.put("processed_at", Timestamp.valueOf(LocalDateTime.of(2026, 12, 3, 9, 0)));
		row.put("id", 17L);
		Parsed parsed = ENGINE.parseRows("housing-fund-status", List.of(row));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.records().get(0).toString()).isEqualTo(
				"{\"reply\":{\"reference\":\"R-1\",\"status\":\"DONE\",\"amount\":45678.90,\"processedAt\":\"2026-12-03T09:00:00+08:00\"}}");
	}

	@Test
	void aStatusRowWithAValueOfTheWrongTypeIsReported() {
		Parsed parsed = ENGINE.parseRows("housing-fund-status",
				List.of(Map.of("ref_no", "R-1", "status", "2", "amount", LocalDate.of(2026, 1, 1))));
		assertThat(parsed.errors()).singleElement().satisfies((e) -> {
			assertThat(e.field()).isEqualTo("amount");
			assertThat(e.line()).isEqualTo(1);
		});
	}

}
