package cn.shanxi.lianban.mapping;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.shanxi.lianban.mapping.MappingTestSupport.ENGINE;
import static cn.shanxi.lianban.mapping.MappingTestSupport.assertGolden;
import static cn.shanxi.lianban.mapping.MappingTestSupport.context;
import static cn.shanxi.lianban.mapping.MappingTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mapping of the catalogue rendered from the demo case, compared byte for byte with
 * its golden file in {@code src/test/resources/golden/}. A changed mapping changes its
 * golden file: regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTests {

	static final JsonNode BATCH = json("""
			{"fileId": "HZZX20261129101600001", "createdAt": "2026-11-29T10:16:00+08:00"}""");

	static final JsonNode REPLY_BATCH = json("""
			{"fileId": "JG20261130090000001", "createdAt": "2026-11-30T09:00:00+08:00"}""");

	static Stream<Arguments> catalogue() {
		return Stream.of(
				// 2-byte (李大山), 4-byte (𠮷 = 95 34 B2 35) and a 15-character name filling
				// its
				// 30 bytes exactly
				golden("police-hukou-cancellation.txt", "police-hukou-cancellation", BATCH,
						context("HUKOU_CANCELLATION", "POLICE_HUKOU"),
						context("HUKOU_CANCELLATION", "POLICE_HUKOU", "王𠮷祥"),
						context("HUKOU_CANCELLATION", "POLICE_HUKOU", "阿卜杜热合曼·买买提明·艾力江")),
				golden("police-hukou-result.txt", "police-hukou-result", REPLY_BATCH, reply("""
						{"reference": "SX2026112900000123-HUKOU_CANCELLATION", "status": "DONE",
						 "reason": "已办理死亡注销", "processedAt": "2026-11-30",
						 "office": "太原市公安局小店分局坞城派出所"}"""), reply("""
						{"reference": "SX2026112900000456-HUKOU_CANCELLATION", "status": "OFFLINE_REQUIRED",
						 "reason": "户籍信息不一致,请到派出所办理"}""")),
				golden("police-traffic-licence-cancellation.xml", "police-traffic-licence-cancellation", null,
						context("DRIVING_LICENCE_CANCELLATION", "POLICE_TRAFFIC")),
				golden("police-traffic-reply.xml", "police-traffic-reply", null, reply("""
						{"messageId": "JG20261129101601000123", "processedAt": "2026-11-29T10:16:01+08:00",
						 "reference": "SX2026112900000123-DRIVING_LICENCE_CANCELLATION", "status": "ACCEPTED",
						 "reason": "已受理 <当日办结> & 通知"}""")),
				// 刘䶮: 䶮 (U+4DAE) is not in GBK, the name field substitutes □
				golden("civil-affairs-benefit-stop.csv", "civil-affairs-benefit-stop", BATCH,
						context("ELDERLY_SUBSIDY_STOP", "CIVIL_AFFAIRS"), context("DIBAO_STOP", "CIVIL_AFFAIRS", "刘䶮")),
				golden("civil-affairs-result.csv", "civil-affairs-result", REPLY_BATCH, reply("""
						{"reference": "SX2026112900000123-ELDERLY_SUBSIDY_STOP", "status": "DONE",
						 "stopMonth": "202612", "amount": 0, "reason": "已停发", "processedAt": "2026-11-30"}"""),
						reply("""
								{"reference": "SX2026112900000123-DIBAO_STOP", "status": "REJECTED",
								 "amount": 1234.5, "reason": "核查不符,\\"低保\\"已于11月停发"}""")),
				golden("hrss-request.json", "hrss-request", null, context("PENSION_ACCOUNT_REFUND", "HRSS")),
				golden("hrss-reply.json", "hrss-reply", null, reply("""
						{"reference": "SX2026112900000123-PENSION_ACCOUNT_REFUND", "status": "DONE",
						 "reason": "个人账户余额已发放", "amount": 23456.78, "account": "6212***********0005",
						 "processedAt": "2026-12-02T15:30:00+08:00"}""")),
				golden("medical-insurance-request.json", "medical-insurance-request", null,
						context("MEDICAL_ACCOUNT_WITHDRAWAL", "MEDICAL_INSURANCE")),
				golden("medical-insurance-ack.json", "medical-insurance-ack", null, reply("""
						{"transactionCode": "8802", "messageId": "YB20261129101601000001",
						 "refMessageId": "7f3c2a9e-4b1d-4c55-9a0e-2f6f1b0c9d11", "status": "ACCEPTED",
						 "processedAt": "2026-11-29T10:16:01+08:00",
						 "reference": "SX2026112900000123-MEDICAL_ACCOUNT_WITHDRAWAL",
						 "agencyReference": "YBSL2026112900001"}""")),
				golden("medical-insurance-reply.json", "medical-insurance-reply", null, reply("""
						{"messageId": "YB20261202153000000007", "sender": "SXYB",
						 "processedAt": "2026-12-02T15:30:00+08:00",
						 "reference": "SX2026112900000123-MEDICAL_ACCOUNT_WITHDRAWAL", "status": "DONE",
						 "reason": "个人账户余额已支取", "amount": 3210.50, "account": "6212***********0005"}""")),
				golden("housing-fund-withdrawal.json", "housing-fund-withdrawal", null,
						context("HOUSING_FUND_WITHDRAWAL", "HOUSING_FUND")),
				golden("housing-fund-status.json", "housing-fund-status", null, reply("""
						{"reference": "SX2026112900000123-HOUSING_FUND_WITHDRAWAL", "status": "DONE",
						 "amount": 45678.90, "reason": "已提取至社保卡账户",
						 "processedAt": "2026-12-03T09:00:00+08:00"}""")),
				golden("health-death-certificate-request.json", "health-death-certificate-request", null,
						context("DEATH_CERTIFICATE", "HEALTH")),
				// the alias field substitutes □ for 𠮷 and cuts "abc李大山李" (11 bytes)
				// before 李,
				// never through it
				golden("test-gbk-payment.txt", "test-gbk-payment", BATCH, payment("PAY001", "李大山", "王𠮷祥", "1234.50"),
						payment("PAY002", "欧阳大山", "abc李大山李", "0.05"), payment("PAY003", "李明", null, "100.00")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalogue")
	void rendersExactlyTheGoldenBytes(String golden, String mappingId, JsonNode batch, List<JsonNode> records) {
		Rendered rendered = ENGINE.render(mappingId, records, batch);
		assertGolden(golden, rendered.bytes(), rendered.charset());
		assertThat(ENGINE.parse(mappingId, rendered.bytes()).errors()).as("the mapping accepts its own output")
			.isEmpty();
	}

	private static Arguments golden(String golden, String mappingId, JsonNode batch, JsonNode... records) {
		return Arguments.of(golden, mappingId, batch, List.of(records));
	}

	static ObjectNode reply(String reply) {
		ObjectNode ctx = MappingTestSupport.JSON.createObjectNode();
		ctx.set("reply", json(reply));
		return ctx;
	}

	static ObjectNode payment(String ref, String name, String alias, String amount) {
		ObjectNode ctx = context("PENSION_ACCOUNT_REFUND", "TEST", name);
		((ObjectNode) ctx.get("item")).put("dedupKey", ref);
		ObjectNode reply = ctx.putObject("reply");
		reply.put("alias", alias);
		reply.put("amount", new java.math.BigDecimal(amount));
		reply.put("paid", true);
		return ctx;
	}

}
