package cn.shanxi.lianban.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** ID, phone and account numbers never reach the log unmasked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLoggingTests {

	@LocalServerPort
	int port;

	@Test
	void aFullApplicationLeavesNoUnmaskedPersonalNumberInTheLog(CapturedOutput output) {
		ObjectNode form = Forms.fresh();
		String deceasedId = form.get("deceased").get("idNumber").asText();
		String applicantId = form.get("applicant").get("idNumber").asText();
		HubApi api = new HubApi(this.port);

		HubApi.Response created = api.postJson("/api/v1/applications", HubApi.WEB, form.toString());
		api.get("/api/v1/applications/" + created.json().get("caseNo").asText(), HubApi.WEB);
		Forms.at(form, "applicant").put("phone", "1");
		api.postJson("/api/v1/applications", HubApi.WEB, form.toString());

		assertThat(created.status()).isEqualTo(201);
		assertThat(output.getAll()).contains(deceasedId.substring(0, 4) + "**********" + deceasedId.substring(14))
			.doesNotContain(deceasedId, applicantId, "13812345678", "6212260502000000005", "6217000010000000003",
					"110012345678");
	}

	@Test
	void evenALogLineWrittenCarelesslyIsMasked(CapturedOutput output) {
		LoggerFactory.getLogger("careless")
			.warn("card 6212260502000000005 of 140105195001010018, call 13812345678",
					new IllegalStateException("bad id 140105195001010018"));

		assertThat(output.getAll()).contains("6212***********0005", "1401**********0018", "138****5678")
			.doesNotContain("6212260502000000005", "140105195001010018", "13812345678");
	}

}
