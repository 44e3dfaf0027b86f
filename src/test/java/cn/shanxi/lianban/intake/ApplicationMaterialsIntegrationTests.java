package cn.shanxi.lianban.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

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
 * The application's materials: multipart next to the JSON, or uploaded to the case later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationMaterialsIntegrationTests {

	static final byte[] PNG = cn.shanxi.lianban.Scans.png();

	static final byte[] PDF = cn.shanxi.lianban.Scans.pdf();

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
	void materialsNextToTheFormAreStoredWithTheirSniffedTypeAndDigest() throws Exception {
		Multipart body = new Multipart().json("application", Forms.fresh().toString())
			.file("deceasedIdDocument", "户口页.pdf", "image/jpeg", PDF)
			.file("applicantIdDocument", "id.png", "application/octet-stream", PNG);

		HubApi.Response answer = this.api.post("/api/v1/applications", HubApi.WINDOW, body.contentType(), body.bytes());

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		String caseNo = answer.json().get("caseNo").asText();
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select a.kind, a.content_type, a.size_bytes, a.sha256, a.file_name, a.content from case_attachment a
				join case_file c on c.id = a.case_id where c.case_no = ? order by a.id""")
			.param(caseNo)
			.query()
			.listOfRows();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("kind", "DECEASED_ID_DOCUMENT")
			.containsEntry("content_type", "application/pdf")
			.containsEntry("size_bytes", (long) PDF.length)
			.containsEntry("sha256", sha256(PDF))
			.containsEntry("file_name", "户口页.pdf");
		assertThat((byte[]) rows.get(0).get("content")).isEqualTo(PDF);
		assertThat(rows.get(1)).containsEntry("kind", "APPLICANT_ID_DOCUMENT")
			.containsEntry("content_type", "image/png");
		assertThat(answer.json().get("attachments")).hasSize(2);
	}

	@Test
	void aFileThatIsNotJpegPngOrPdfIsRefusedAndNothingIsStored() throws Exception {
		long before = cases();
		Multipart body = new Multipart().json("application", Forms.fresh().toString())
			.file("deceasedIdDocument", "id.jpg", "image/jpeg", "MZ this is an executable".getBytes());

		HubApi.Response answer = this.api.post("/api/v1/applications", HubApi.WEB, body.contentType(), body.bytes());

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("deceasedIdDocument");
		assertThat(answer.json().get("errors").get(0).get("code").asText()).isEqualTo("attachment.type");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aFileOverTheLimitIsRefused() throws Exception {
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		Multipart body = new Multipart().json("application", Forms.fresh().toString())
			.file("applicantIdDocument", "big.pdf", "application/pdf", big);

		HubApi.Response answer = this.api.post("/api/v1/applications", HubApi.WEB, body.contentType(), body.bytes());

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("errors").get(0).get("code").asText()).isEqualTo("attachment.tooLarge");
	}

	@Test
	void aMaterialCanBeUploadedToTheCaseAfterwards() throws Exception {
		HubApi.Response created = this.api.postJson("/api/v1/applications", HubApi.WEB, Forms.fresh().toString());
		String caseNo = created.json().get("caseNo").asText();
		Multipart body = new Multipart().text("kind", "APPLICANT_ID_DOCUMENT").file("file", "id.png", "image/png", PNG);

		HubApi.Response answer = this.api.post("/api/v1/applications/" + caseNo + "/attachments", HubApi.WEB,
				body.contentType(), body.bytes());

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertThat(answer.json().get("sha256").asText()).isEqualTo(sha256(PNG));
		HubApi.Response view = this.api.get("/api/v1/applications/" + caseNo, HubApi.WEB);
		assertThat(view.json().get("attachments")).hasSize(1);
		assertThat(view.json().get("timeline").findValuesAsText("type")).contains("ATTACHMENT_ADDED");
	}

	@Test
	void uploadingToAnUnknownCaseIs404() throws Exception {
		Multipart body = new Multipart().text("kind", "OTHER").file("file", "x.pdf", "application/pdf", PDF);

		HubApi.Response answer = this.api.post("/api/v1/applications/SX19990101000001/attachments", HubApi.WEB,
				body.contentType(), body.bytes(), "X-On-Behalf-Of", cn.shanxi.lianban.TestIds.next());

		assertThat(answer.status()).isEqualTo(404);
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from case_file").query(Long.class).single();
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	/**
	 * A multipart/form-data body written by hand, as a browser or a channel's client
	 * sends it.
	 */
	static final class Multipart {

		private final String boundary = "----lianban" + System.nanoTime();

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Multipart json(String name, String json) {
			return part("Content-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: application/json",
					json.getBytes(StandardCharsets.UTF_8));
		}

		Multipart text(String name, String value) {
			return part("Content-Disposition: form-data; name=\"" + name + "\"",
					value.getBytes(StandardCharsets.UTF_8));
		}

		Multipart file(String name, String fileName, String type, byte[] content) {
			return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + type, content);
		}

		private Multipart part(String headers, byte[] content) {
			this.out
				.writeBytes(("--" + this.boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			this.out.writeBytes(content);
			this.out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			return this;
		}

		String contentType() {
			return "multipart/form-data; boundary=" + this.boundary;
		}

		byte[] bytes() {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			all.writeBytes(this.out.toByteArray());
			all.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return all.toByteArray();
		}

	}

}
