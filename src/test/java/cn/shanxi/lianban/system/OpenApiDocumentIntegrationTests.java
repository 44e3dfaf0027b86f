package cn.shanxi.lianban.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.HubApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is the hub's, not the generator's defaults: a real title, the
 * X-Api-Key scheme (Swagger UI's Authorize button), the form as the application's body
 * with the contract's example, every problem answer per operation, tags by capability in
 * the order of a case with the simulator last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIntegrationTests {

	@LocalServerPort
	int port;

	JsonNode docs() {
		HubApi.Response answer = new HubApi(this.port).get("/v3/api-docs", null);
		assertThat(answer.status()).isEqualTo(200);
		return answer.json();
	}

	@Test
	void itHasARealTitleAndTheApiKeyScheme() {
		JsonNode docs = docs();

		assertThat(docs.at("/info/title").asText()).contains("lianban").doesNotContain("OpenAPI definition");
		assertThat(docs.at("/info/description").asText()).contains("X-Api-Key").contains("409");
		JsonNode scheme = docs.at("/components/securitySchemes/X-Api-Key");
		assertThat(scheme.get("type").asText()).isEqualTo("apiKey");
		assertThat(scheme.get("in").asText()).isEqualTo("header");
		assertThat(scheme.get("name").asText()).isEqualTo("X-Api-Key");
		assertThat(docs.at("/security/0").has("X-Api-Key")).isTrue();
		// security (issue 15): persons log in; channels name the person they act for
		assertThat(docs.at("/components/securitySchemes/person/scheme").asText()).isEqualTo("basic");
		assertThat(docs.at("/security/1").has("person")).isTrue();
		for (String op : List.of("/~1api~1v1~1applications/post", "/~1api~1v1~1applications~1{caseNo}/get",
				"/~1api~1v1~1applications~1{caseNo}~1attachments/post")) {
			List<String> headers = new ArrayList<>();
			docs.at("/paths" + op + "/parameters").forEach((p) -> headers.add(p.get("name").asText()));
			assertThat(headers).as(op).contains("X-On-Behalf-Of");
			assertThat(docs.at("/paths" + op + "/responses").has("400")).as(op).isTrue();
		}
	}

	@Test
	void theApplicationsBodyIsTheFormWithTheContractsExample() throws Exception {
		JsonNode post = docs().at("/paths/~1api~1v1~1applications/post");
		JsonNode json = post.at("/requestBody/content/application~1json");

		assertThat(json.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/ApplicationForm");
		JsonNode example = new ObjectMapper().readTree(Files.readString(Path.of("examples/application.json")));
		assertThat(json.get("example")).isEqualTo(example);
		JsonNode multipart = post.at("/requestBody/content/multipart~1form-data/schema/properties");
		assertThat(multipart.at("/application/$ref").asText()).isEqualTo("#/components/schemas/ApplicationForm");
		assertThat(multipart.at("/deceasedIdDocument/format").asText()).isEqualTo("binary");
		assertThat(docs().at("/components/schemas/ApplicationForm/properties/deceased").isMissingNode()).isFalse();
	}

	@Test
	void theExampleServedIsTheExampleInTheRepository() throws Exception {
		assertThat(Files.readString(Path.of("src/main/resources/openapi/application.example.json")))
			.isEqualTo(Files.readString(Path.of("examples/application.json")));
	}

	@Test
	void everyOperationListsItsProblemAnswers() {
		JsonNode paths = docs().get("paths");
		List<String> missing = new ArrayList<>();
		paths.fields().forEachRemaining((path) -> path.getValue().fields().forEachRemaining((op) -> {
			JsonNode responses = op.getValue().get("responses");
			if (path.getKey().startsWith("/api/")) {
				for (String status : List.of("401", "403")) {
					if (!responses.has(status)
							|| !responses.get(status).at("/content").has("application/problem+json")) {
						missing.add(op.getKey() + " " + path.getKey() + " " + status);
					}
				}
			}
			if (path.getKey().contains("{") && !responses.has("404")) {
				missing.add(op.getKey() + " " + path.getKey() + " 404");
			}
			if (op.getValue().has("requestBody") && !(responses.has("400") && responses.has("422"))) {
				missing.add(op.getKey() + " " + path.getKey() + " 400/422");
			}
		}));
		assertThat(missing).isEmpty();
		JsonNode apply = paths.at("/~1api~1v1~1applications/post/responses");
		for (String status : List.of("201", "400", "401", "403", "409", "413", "415", "422", "503")) {
			assertThat(apply.has(status)).as(status).isTrue();
		}
		assertThat(paths.at("/~1api~1v1~1parked~1{id}~1replay/post/responses").has("409")).isTrue();
		assertThat(paths.at("/~1api~1v1~1applications~1{caseNo}~1hold~1confirm/post/responses").has("409")).isTrue();
	}

	@Test
	void operationsAreTaggedByCapabilityWithTheSimulatorLast() {
		JsonNode docs = docs();
		List<String> tags = new ArrayList<>();
		docs.get("tags").forEach((t) -> tags.add(t.get("name").asText()));

		assertThat(tags).noneMatch((t) -> t.endsWith("-controller") || t.endsWith("-gateway"));
		assertThat(tags.get(tags.size() - 1)).startsWith("Simulator");
		assertThat(tags.indexOf("Applications 联办申请")).isLessThan(tags.indexOf("Certificates 证明推送"));
		Map<String, String> expected = Map.of("/api/v1/applications/{caseNo}", "Applications 联办申请",
				"/api/v1/certificates", "Certificates 证明推送", "/api/v1/parked", "Operators 工作人员",
				"/simulator/sms/messages", "Simulator 模拟（仅内置默认）");
		expected.forEach((path, tag) -> docs.get("paths")
			.get(path)
			.elements()
			.forEachRemaining((op) -> assertThat(op.at("/tags/0").asText()).as(path).isEqualTo(tag)));
		assertThat(docs.at("/paths/~1api~1v1~1applications/get/tags/0").asText()).isEqualTo("Operators 工作人员");
		assertThat(docs.at("/paths/~1api~1v1~1applications/post/tags/0").asText()).isEqualTo("Applications 联办申请");
	}

}
