package cn.shanxi.lianban.simulator.reply;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shanxi.lianban.mapping.MappingCatalog;
import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.Parsed;
import cn.shanxi.lianban.mapping.Rendered;
import cn.shanxi.lianban.simulator.reply.SimulatedReplies.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the pretend agencies answer is written with each agency's reply mapping and reads
 * back, with the hub's reference, the outcome and the payment, as the hub will read it.
 */
class SimulatedReplyFormatsTests {

	private static final MappingEngine ENGINE = new MappingEngine(MappingCatalog.load(List.of(Path.of("mappings"))));

	private static final String NOW = "2026-11-30T09:00:00+08:00";

	@ParameterizedTest
	@CsvSource({ "HRSS, hrss-reply, PENSION_ACCOUNT_REFUND, DONE, 23456.78",
			"MEDICAL_INSURANCE, medical-insurance-reply, MEDICAL_ACCOUNT_WITHDRAWAL, DONE, 3210.50",
			"MEDICAL_INSURANCE, medical-insurance-reply, MEDICAL_INSURANCE_TERMINATION, OFFLINE_REQUIRED, ",
			"POLICE_TRAFFIC, police-traffic-reply, DRIVING_LICENCE_CANCELLATION, REJECTED, ",
			"POLICE_HUKOU, police-hukou-result, HUKOU_CANCELLATION, DONE, ",
			"CIVIL_AFFAIRS, civil-affairs-result, ELDERLY_SUBSIDY_STOP, DONE, " })
	void anAnswerIsWrittenInTheAgencysFormatAndReadsBack(String agency, String mapping, String item, String status,
			BigDecimal amount) {
		String reference = "SX20261130000042-" + item;
		Answer answer = new Answer(agency, reference, status, "模拟办理说明", amount,
				(amount != null) ? "6212***********0005" : null);
		Rendered rendered = ENGINE.render(mapping, List.of(ReplyTransports.record(answer, NOW, 7)),
				new ObjectMapper().createObjectNode()
					.put("fileId", "SIM20261130090000000007")
					.put("createdAt", NOW)
					.put("count", 1));
		Parsed parsed = ENGINE.parse(mapping, rendered.bytes());
		assertThat(parsed.errors()).isEmpty();
		JsonNode reply = parsed.records().get(0).path("reply");
		assertThat(reply.path("reference").asText()).isEqualTo(reference);
		assertThat(reply.path("status").asText()).isEqualTo(status);
		if (amount != null) {
			assertThat(reply.path("amount").decimalValue()).isEqualByComparingTo(amount);
			assertThat(reply.path("account").asText()).isEqualTo("6212***********0005");
		}
	}

}
