package cn.shanxi.lianban.mapping;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.shanxi.lianban.mapping.GoldenFilesTests.BATCH;
import static cn.shanxi.lianban.mapping.GoldenFilesTests.reply;
import static cn.shanxi.lianban.mapping.MappingTestSupport.CATALOG;
import static cn.shanxi.lianban.mapping.MappingTestSupport.ENGINE;
import static cn.shanxi.lianban.mapping.MappingTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * parse(render(x)) == x: what the hub writes, the same mapping reads back — the property
 * the simulated agencies rely on to check what they receive.
 */
class RoundTripTests {

	static Stream<Arguments> replies() {
		return Stream.of(Arguments.of("police-hukou-result", List.of(reply("""
				{"reference": "R-1", "status": "DONE", "reason": "已办理死亡注销", "processedAt": "2026-11-30",
				 "office": "太原市公安局小店分局坞城派出所"}"""), reply("""
				{"reference": "R-2", "status": "REJECTED", "reason": "王𠮷祥 户籍不在本辖区"}"""))),
				Arguments.of("police-traffic-reply", List.of(reply("""
						{"messageId": "JG1", "processedAt": "2026-11-29T10:16:01+08:00", "reference": "R-1",
						 "status": "DONE", "reason": "已注销 <a&b>", "agencyReference": "140100123456"}"""))),
				Arguments.of("civil-affairs-result", List.of(reply("""
						{"reference": "R-1", "status": "DONE", "stopMonth": "202612", "amount": 0.00,
						 "reason": "已停发", "processedAt": "2026-11-30"}"""), reply("""
						{"reference": "R-2", "status": "OFFLINE_REQUIRED", "amount": 1234.56,
						 "reason": "多行\\r\\n说明, 含\\"引号\\""}"""))), Arguments.of("hrss-reply", List.of(reply("""
						{"reference": "R-1", "status": "DONE", "reason": "已发放", "amount": 23456.78,
						 "account": "6212***********0005", "processedAt": "2026-12-02T15:30:00+08:00"}"""))),
				Arguments.of("medical-insurance-ack", List.of(reply("""
						{"transactionCode": "8801", "messageId": "YB1", "refMessageId": "M-1", "status": "REJECTED",
						 "reason": "参保人存在未结算费用", "processedAt": "2026-11-29T10:16:01+08:00",
						 "reference": "R-1", "agencyReference": "YBSL1"}"""))),
				Arguments.of("medical-insurance-reply", List.of(reply("""
						{"messageId": "YB2", "sender": "SXYB", "processedAt": "2026-12-02T15:30:00+08:00",
						 "reference": "R-1", "status": "DONE", "reason": "已支取", "amount": 3210.50,
						 "account": "6212***********0005"}"""))), Arguments.of("housing-fund-status", List.of(reply("""
						{"reference": "R-1", "status": "DONE", "amount": 45678.90, "reason": "已提取",
						 "processedAt": "2026-12-03T09:00:00+08:00"}"""), reply("""
						{"reference": "R-2", "status": "PENDING"}"""))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replies")
	void aReplyParsesBackToExactlyWhatWasRendered(String mappingId, List<JsonNode> records) {
		Rendered rendered = ENGINE.render(mappingId, records, BATCH);
		Parsed parsed = ENGINE.parse(mappingId, rendered.bytes());
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.records()).isEqualTo(records);
	}

	@Test
	void stagingRowsReadBackFromTheDatabaseGiveTheSameRecords() {
		List<JsonNode> records = List.of(reply("""
				{"reference": "R-1", "status": "DONE", "amount": 45678.90, "reason": "已提取",
				 "processedAt": "2026-12-03T09:00:00+08:00"}"""));
		Rendered rendered = ENGINE.render("housing-fund-status", records, null);
		assertThat(ENGINE.parseRows("housing-fund-status", rendered.rows()).records()).isEqualTo(records);
	}

	static Stream<Arguments> requests() {
		return Stream.of(Arguments.of("police-hukou-cancellation", "HUKOU_CANCELLATION", "POLICE_HUKOU"),
				Arguments.of("police-traffic-licence-cancellation", "DRIVING_LICENCE_CANCELLATION", "POLICE_TRAFFIC"),
				Arguments.of("civil-affairs-benefit-stop", "TEKUN_STOP", "CIVIL_AFFAIRS"),
				Arguments.of("hrss-request", "FUNERAL_GRANT", "HRSS"),
				Arguments.of("medical-insurance-request", "MEDICAL_INSURANCE_TERMINATION", "MEDICAL_INSURANCE"),
				Arguments.of("housing-fund-withdrawal", "HOUSING_FUND_WITHDRAWAL", "HOUSING_FUND"),
				Arguments.of("health-death-certificate-request", "DEATH_CERTIFICATE", "POLICE"));
	}

	/**
	 * A request's fields read from plain paths come back at those paths, with the value
	 * the field wrote (the death date of a date-time, our enum for a coded field).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("requests")
	void aRequestParsesBackToTheValuesItWasRenderedFrom(String mappingId, String itemType, String agency) {
		ObjectNode ctx = context(itemType, agency);
		Rendered rendered = ENGINE.render(mappingId, List.of(ctx), BATCH);
		Parsed parsed = (rendered.format() == Format.ROWS) ? ENGINE.parseRows(mappingId, rendered.rows())
				: ENGINE.parse(mappingId, rendered.bytes());
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.records()).hasSize(1);
		ObjectNode back = parsed.records().get(0);
		CompiledMapping mapping = CATALOG.mapping(mappingId);
		EvaluationContext source = new EvaluationContext(ctx, null, mapping.zone());
		List<CompiledField> fields = new java.util.ArrayList<>(mapping.fields());
		if (mapping.format() == Format.JSON) {
			fields.addAll(mapping.header());
		}
		int checked = 0;
		for (CompiledField f : fields) {
			if (f.backPath() == null) {
				continue;
			}
			JsonNode expected = (f.code() != null) ? f.source().evaluate(source) : f.toJson(f.evaluate(source));
			assertThat(back.at("/" + f.backPath().replace('.', '/'))).as(f.name()).isEqualTo(expected);
			checked++;
		}
		assertThat(checked).isGreaterThan(5);
	}

	@Test
	void aBatchFilesHeaderAndTrailerParseToTheBatch() {
		Rendered rendered = ENGINE.render("police-hukou-cancellation",
				List.of(context("HUKOU_CANCELLATION", "POLICE_HUKOU"), context("HUKOU_CANCELLATION", "POLICE_HUKOU")),
				BATCH);
		Parsed parsed = ENGINE.parse("police-hukou-cancellation", rendered.bytes());
		assertThat(parsed.header().toString()).isEqualTo(
				"{\"batch\":{\"fileId\":\"HZZX20261129101600001\",\"createdAt\":\"2026-11-29T10:16:00+08:00\",\"count\":2}}");
		assertThat(parsed.trailer().toString()).isEqualTo("{\"batch\":{\"count\":2}}");
		assertThat(rendered.fileName()).isEqualTo("HZZX_HZZX20261129101600001.txt");
	}

}
