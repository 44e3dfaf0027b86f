package cn.shanxi.lianban.intake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that cannot be stored or shown as it is, and JSON that is not what the README
 * promises, are refused with a field error (Chinese and English), never a 500, and burn
 * no case number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationStrictInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HubApi api;

	@BeforeEach
	void api() {
		this.api = new HubApi(this.port);
	}

	@Test
	void aControlCharacterInAnyTextFieldIsRefusedWithAFieldErrorAndBurnsNoCaseNumber() {
		record Bad(String path, String field, String value) {
		}
		List<Bad> bad = List.of(new Bad("applicant", "address", "山西省太原市\u0000小店区"),
				new Bad("deceased.housingFund", "depositPlace", "太原\u0000市"),
				new Bad("deceased.socialSecurityCardAccount", "bank", "中国工商银行\u0000太原长风支行"),
				new Bad("deceased.bankAccount", "bank", "中国建设银行\u001b[31m太原分行"),
				new Bad("applicant", "address", "山西省太原市\u0007小店区"),
				new Bad("applicant", "address", "山西省\u202e路治长区店小市原太"), new Bad("deceased", "name", "李\u2066大山"),
				new Bad("commitment", "signature", "李\u200b明"));
		for (Bad b : bad) {
			long sequence = caseNumbersUsed();
			ObjectNode form = Forms.fresh();
			Forms.at(form, b.path()).put(b.field(), b.value());

			HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

			assertThat(answer.status()).as(b.path() + "." + b.field() + ": " + answer.body()).isEqualTo(422);
			JsonNode error = answer.json().get("errors").get(0);
			assertThat(error.get("field").asText()).isEqualTo(b.path() + "." + b.field());
			assertThat(error.get("code").asText()).isEqualTo("text.controlCharacter");
			assertThat(error.get("message").asText()).contains("控制字符");
			assertThat(error.get("messageEn").asText()).contains("control");
			assertThat(caseNumbersUsed()).as("no case number burnt").isEqualTo(sequence);
		}
	}

	@Test
	void theGuideRefusesAControlCharacterToo() {
		HubApi.Response answer = this.api.postJson("/api/v1/guide", HubApi.WEB,
				"{\"applicant\":{\"address\":\"a\\u0000b\"},\"items\":[\"HUKOU_CANCELLATION\"]}");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("applicant.address");
	}

	@Test
	void aBooleanIsTrueOrFalseNotAStringOrANumber() {
		for (String value : List.of("\"true\"", "0", "1", "\"yes\"")) {
			String body = Forms.fresh()
				.toString()
				.replace("\"enterpriseEmployee\":true", "\"enterpriseEmployee\":" + value);
			assertThat(body).contains("\"enterpriseEmployee\":" + value);

			HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, body);

			assertThat(answer.status()).as(value + ": " + answer.body()).isEqualTo(422);
			assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("deceased.enterpriseEmployee");
		}
	}

	@Test
	void aNumberWhereATextBelongsIsTheWrongType() {
		String body = Forms.fresh().toString().replace("\"phone\":\"13812345678\"", "\"phone\":13812345678");

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, body);

		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("applicant.phone");
	}

	@Test
	void contentAfterTheJsonIsRefusedAndNothingIsStored() {
		long sequence = caseNumbersUsed();
		for (String trailing : List.of(" {}", "{\"items\":[]}", " x", " 1")) {
			HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB,
					Forms.fresh().toString() + trailing);

			assertThat(answer.status()).as(trailing + ": " + answer.body()).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		}
		assertThat(caseNumbersUsed()).isEqualTo(sequence);
	}

	@Test
	void anItemsListRepeatedTenThousandTimesIsOneErrorPerDistinctProblem() {
		ObjectNode form = Forms.fresh();
		ArrayNode items = form.putArray("items");
		for (int i = 0; i < 10_000; i++) {
			items.add("HUKOU_CANCELLATION");
		}

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		List<String> codes = codes(answer);
		assertThat(codes).containsExactly("items.duplicate");
	}

	@Test
	void tenThousandUnknownItemsAreOneError() {
		ObjectNode form = Forms.fresh();
		ArrayNode items = form.putArray("items");
		for (int i = 0; i < 10_000; i++) {
			items.add("NO_SUCH_ITEM");
		}

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).isEqualTo(422);
		assertThat(codes(answer)).containsExactly("value.unknown");
	}

	@Test
	void anAnswerListsAtMostFiftyErrorsAndSaysHowManyMore() {
		ObjectNode form = Forms.fresh();
		for (int i = 0; i < 120; i++) {
			form.put("unknownField" + i, i);
		}

		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(answer.status()).isEqualTo(422);
		List<String> codes = codes(answer);
		assertThat(codes).hasSize(51);
		assertThat(codes.subList(0, 50)).containsOnly("field.unknown");
		JsonNode last = answer.json().get("errors").get(50);
		assertThat(last.get("code").asText()).isEqualTo("errors.more");
		assertThat(last.get("messageEn").asText()).contains("70 more errors");
	}

	private static List<String> codes(HubApi.Response answer) {
		List<String> codes = new ArrayList<>();
		answer.json().get("errors").forEach((e) -> codes.add(e.get("code").asText()));
		return codes;
	}

	/** How far the case number sequence has gone: a refused form must not move it. */
	private long caseNumbersUsed() {
		return this.jdbc.sql("select case when is_called then last_value else 0 end from case_no_seq")
			.query(Long.class)
			.single();
	}

}
