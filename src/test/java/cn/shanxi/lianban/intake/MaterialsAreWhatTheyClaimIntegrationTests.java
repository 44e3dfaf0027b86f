package cn.shanxi.lianban.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.Scans;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A material is what its first bytes claim: a JPEG or PNG that decodes, a PDF that parses
 * and runs nothing. A PNG header before HTML, a JPEG header before PHP, a PDF with a
 * script, a launch action or an embedded file: 422 with the reason, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaterialsAreWhatTheyClaimIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void realScansAreStored() {
		for (byte[] scan : List.of(Scans.jpeg(), Scans.png(), Scans.pdf())) {
			HttpResponse<String> answer = apply(scan);

			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		}
	}

	@Test
	void aPngHeaderBeforeHtmlIsRefused() {
		byte[] png = Arrays.copyOf(Scans.png(), 33); // signature and IHDR only
		byte[] fake = concat(png, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));

		assertRefused(apply(fake), "attachment.notAnImage");
	}

	@Test
	void aJpegHeaderBeforePhpIsRefused() {
		byte[] fake = concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 },
				"<?php system($_GET['c']); ?>".getBytes(StandardCharsets.US_ASCII));

		assertRefused(apply(fake), "attachment.notAnImage");
	}

	@Test
	void aValidPngWithSomethingAfterItsEndIsRefused() {
		byte[] fake = concat(Scans.png(), "<?php echo 1; ?>".getBytes(StandardCharsets.US_ASCII));

		assertRefused(apply(fake), "attachment.trailingData");
	}

	@Test
	void aPngClaimingAGigapixelIsRefusedBeforeItIsDecoded() {
		byte[] png = Scans.png();
		// IHDR: width and height at 16..23, its CRC at 29..32
		writeInt(png, 16, 60_000);
		writeInt(png, 20, 60_000);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		writeInt(png, 29, (int) crc.getValue());

		assertRefused(apply(png), "attachment.imageSize");
	}

	@Test
	void aPdfThatRunsAScriptWhenOpenedIsRefused() {
		byte[] pdf = pdf((document) -> {
			PDActionJavaScript script = new PDActionJavaScript("app.alert('hello');");
			document.getDocumentCatalog().setOpenAction(script);
		});

		assertRefused(apply(pdf), "attachment.pdfScript");
	}

	@Test
	void aPdfWithALaunchActionIsRefused() {
		byte[] pdf = pdf((document) -> {
			try {
				PDAnnotationLink link = new PDAnnotationLink();
				PDActionLaunch launch = new PDActionLaunch();
				PDComplexFileSpecification file = new PDComplexFileSpecification();
				file.setFile("cmd.exe");
				launch.setFile(file);
				link.setAction(launch);
				document.getPage(0).getAnnotations().add(link);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});

		assertRefused(apply(pdf), "attachment.pdfAction");
	}

	@Test
	void aPdfWithAnEmbeddedFileIsRefused() {
		byte[] pdf = pdf((document) -> {
			try {
				PDComplexFileSpecification spec = new PDComplexFileSpecification();
				spec.setFile("payload.exe");
				spec.setEmbeddedFile(new PDEmbeddedFile(document,
						new java.io.ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII))));
				PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
				tree.setNames(java.util.Map.of("payload.exe", spec));
				PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
				names.setEmbeddedFiles(tree);
				document.getDocumentCatalog().setNames(names);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});

		assertRefused(apply(pdf), "attachment.pdfEmbeddedFile");
	}

	@Test
	void aPdfThatDoesNotParseIsRefused() {
		byte[] half = Arrays.copyOf(Scans.pdf(), 40);

		assertRefused(apply(half), "attachment.pdfUnreadable");
		assertRefused(apply("%PDF-1.7\n<html>not a pdf</html>".getBytes(StandardCharsets.US_ASCII)),
				"attachment.pdfUnreadable");
	}

	private static void assertRefused(HttpResponse<String> answer, String code) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
		JsonNode error = read(answer.body()).at("/errors/0");
		assertThat(error.get("field").asText()).isEqualTo("deceasedIdDocument");
		assertThat(error.get("code").asText()).isEqualTo(code);
		assertThat(error.get("message").asText()).isNotBlank();
		assertThat(error.get("messageEn").asText()).isNotBlank();
	}

	/** The application with this file as the deceased's ID document, over multipart. */
	private HttpResponse<String> apply(byte[] file) {
		String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		var form = Forms.fresh();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
				+ "Content-Type: application/json\r\n\r\n" + form + "\r\n");
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deceasedIdDocument\"; "
				+ "filename=\"scan\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(file);
		write(body, "\r\n--" + boundary + "--\r\n");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/applications"))
			.header("X-Api-Key", "demo-window-key")
			// security (issue 15): the window client acts for the applicant at the window
			.header("X-On-Behalf-Of", form.at("/applicant/idNumber").asText())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] pdf(java.util.function.Consumer<PDDocument> change) {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			change.accept(document);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	private static void writeInt(byte[] b, int at, int value) {
		b[at] = (byte) (value >>> 24);
		b[at + 1] = (byte) (value >>> 16);
		b[at + 2] = (byte) (value >>> 8);
		b[at + 3] = (byte) value;
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private static JsonNode read(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
