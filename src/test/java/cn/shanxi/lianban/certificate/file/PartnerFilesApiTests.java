package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.certificate.TestRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/partner-files}: what an operator sees of the partner files — taken
 * in with their counts and receipt, or set aside into {@code error/} with the reason,
 * cut-off uploads and abandoned temporary files included — over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerFilesApiTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	@LocalServerPort
	int port;

	@Autowired
	PartnerFilesHousekeeping housekeeping;

	final DropFolder hospital = new DropFolder("SXPH");

	@Test
	void operatorsSeeEveryPartnerFileAndWhatBecameOfIt() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String good = "api-" + tag + "-good.csv";
		String broken = "api-" + tag + "-broken.xml";
		String cutOff = "api-" + tag + "-cut.csv.interrupted";
		String abandoned = "api-" + tag + "-abandoned.csv.part";
		String id = TestRecords.idNumber("140105");
		byte[] content = new DeathCsv().add(id, "李大山", "I21.9").add("nonsense", "王五", "I21.9").bytes(GB18030);
		this.hospital.drop(good, content);
		this.hospital.awaitReceipt(good);
		this.hospital.drop(broken, "<certificates><certificate>".getBytes(GB18030));
		this.hospital.drop(cutOff, "kind,certificateNo\r\nDEATH_MED".getBytes(GB18030));
		Path part = Files.writeString(this.hospital.home.resolve("inbox").resolve(abandoned), "kind");
		Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
		this.housekeeping.run();
		Path error = this.hospital.home.resolve("error");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(error.resolve(broken + ".reason"))
					&& Files.exists(error.resolve(cutOff + ".reason")));
		HubApi api = new HubApi(this.port);

		JsonNode all = api.get("/api/v1/partner-files?partner=SXPH&size=200", HubApi.OPERATOR).json();
		assertThat(all.get("page").asInt()).isZero();
		assertThat(all.get("size").asInt()).isEqualTo(200);
		assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(4);
		JsonNode taken = find(all, good);
		assertThat(taken.get("partner").asText()).isEqualTo("SXPH");
		assertThat(taken.get("channel").asText()).isEqualTo("DROPBOX");
		assertThat(taken.get("state").asText()).isEqualTo("RECEIPTED");
		assertThat(taken.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(taken.get("sizeBytes").asLong()).isEqualTo(content.length);
		assertThat(taken.get("sha256").asText()).isEqualTo(sha256(content));
		assertThat(taken.get("receivedAt").asText()).endsWith("+08:00");
		assertThat(taken.get("counts").get("records").asInt()).isEqualTo(2);
		assertThat(taken.get("counts").get("accepted").asInt()).isOne();
		assertThat(taken.get("counts").get("rejected").asInt()).isOne();
		assertThat(taken.get("receipt").asText()).isEqualTo("receipts/" + good + ".receipt.csv");
		assertThat(taken.get("errorFile").isNull()).isTrue();
		assertThat(taken.get("reason").isNull()).isTrue();

		JsonNode errors = api.get("/api/v1/partner-files?partner=SXPH&state=ERROR&size=200", HubApi.OPERATOR).json();
		assertThat(errors.get("files")).allSatisfy((f) -> assertThat(f.get("state").asText()).isEqualTo("ERROR"));
		JsonNode unreadable = find(errors, broken);
		assertThat(unreadable.get("status").asText()).isEqualTo("UNREADABLE");
		assertThat(unreadable.get("errorFile").asText()).isEqualTo("error/" + broken);
		assertThat(unreadable.get("reason").get("code").asText()).isEqualTo("file.syntax");
		assertThat(unreadable.get("reason").get("en").asText()).contains("not valid XML");
		assertThat(unreadable.get("counts").isNull()).isTrue();
		JsonNode interrupted = find(errors, cutOff);
		assertThat(interrupted.get("status").asText()).isEqualTo("INTERRUPTED");
		assertThat(interrupted.get("reason").get("zh").asText()).contains("上传中断");
		JsonNode expired = find(errors, abandoned);
		assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
		assertThat(expired.get("errorFile").asText()).isEqualTo("error/" + abandoned);

		JsonNode onlyCutOff = api.get("/api/v1/partner-files?state=INTERRUPTED&size=200", HubApi.OPERATOR).json();
		assertThat(onlyCutOff.get("files"))
			.allSatisfy((f) -> assertThat(f.get("status").asText()).isEqualTo("INTERRUPTED"));
		assertThat(api.get("/api/v1/partner-files?partner=SXPH&size=1", HubApi.OPERATOR).json().get("files"))
			.hasSize(1);
	}

	@Test
	void onlyOperatorsMayListPartnerFilesAndAWrongParameterIsNamed() {
		HubApi api = new HubApi(this.port);
		assertThat(api.get("/api/v1/partner-files", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/partner-files", HubApi.WEB).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/partner-files", HubApi.HOSPITAL).status()).isEqualTo(403);

		HubApi.Response wrong = api.get("/api/v1/partner-files?partner=NOBODY&state=LOST&page=-1&size=0",
				HubApi.OPERATOR);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("partner", "state",
				"page", "size");
		assertThat(wrong.json().get("errors").findValuesAsText("messageEn"))
			.anySatisfy((m) -> assertThat(m).contains("IN_PROGRESS, RECEIPTED, ERROR"));
	}

	private static JsonNode find(JsonNode page, String name) {
		for (JsonNode file : page.get("files")) {
			if (file.get("name").asText().equals(name)) {
				return file;
			}
		}
		throw new AssertionError(name + " not in " + page.toPrettyString());
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
