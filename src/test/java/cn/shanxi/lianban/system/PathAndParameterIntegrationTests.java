package cn.shanxi.lianban.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.HubApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path variable and query parameter of the API: one that cannot name anything is a
 * 404 (in the path) or a 422 naming it (a parameter), as problem JSON, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PathAndParameterIntegrationTests {

	@LocalServerPort
	int port;

	HubApi api;

	@BeforeEach
	void api() {
		this.api = new HubApi(this.port);
	}

	@Test
	void anIdThatOverflowsIsNotFound() {
		for (String path : new String[] { "/api/v1/parked/99999999999999999999/replay", "/api/v1/parked/-1x/replay",
				"/api/v1/parked/1e3/replay" }) {
			HubApi.Response answer = this.api.post(path, HubApi.OPERATOR, null, new byte[0]);

			assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(404);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		}
		HubApi.Response payload = this.api
			.get("/api/v1/applications/SX20261129000001/messages/99999999999999999999/payload", HubApi.OPERATOR);
		assertThat(payload.status()).as(payload.body()).isEqualTo(404);
	}

	@Test
	void aCaseNumberOfAnyShapeIsNotFound() {
		for (String caseNo : new String[] { "SX%00", "%E2%80%AE", "x".repeat(500), "SX2026%0D%0AX", "%F0%9F%98%80" }) {
			HubApi.Response view = this.api.get("/api/v1/applications/" + caseNo, HubApi.OPERATOR);
			HubApi.Response messages = this.api.get("/api/v1/applications/" + caseNo + "/messages", HubApi.OPERATOR);

			assertThat(view.status()).as(caseNo + ": " + view.body()).isIn(400, 404);
			assertThat(messages.status()).as(caseNo + ": " + messages.body()).isIn(400, 404);
		}
	}

	@Test
	void aQueryParameterOfTheWrongTypeIsNamed() {
		HubApi.Response limit = this.api.get("/api/v1/parked?limit=99999999999999999999", HubApi.OPERATOR);
		HubApi.Response list = this.api.get("/api/v1/applications?page=x&size=99999999999999999999", HubApi.OPERATOR);
		HubApi.Response dueSoon = this.api.get("/api/v1/work-items/due-soon?within=soon&limit=-5", HubApi.OPERATOR);

		assertThat(limit.status()).as(limit.body()).isEqualTo(422);
		assertThat(limit.json().at("/errors/0/field").asText()).isEqualTo("limit");
		assertThat(list.status()).as(list.body()).isEqualTo(422);
		assertThat(dueSoon.status()).as(dueSoon.body()).isEqualTo(422);
	}

	@Test
	void anAgencyOfAnyShapeInTheReplyPathIsRefusedNotAnError() {
		HubApi.Response answer = this.api.post("/api/v1/agency-replies/%00%0A", "demo-hrss-key", "application/json",
				"{}".getBytes());

		assertThat(answer.status()).as(answer.body()).isIn(400, 403, 404);
	}

}
