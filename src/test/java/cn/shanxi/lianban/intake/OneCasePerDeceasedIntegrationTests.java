package cn.shanxi.lianban.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per deceased: a second application (another relative, another channel, the ID
 * number written with a lower-case x or with spaces) is answered 409 naming the case to
 * follow, and the first case is unchanged; two at the same moment make one case. Once a
 * case is REJECTED, a new application is taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneCasePerDeceasedIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	HubApi api;

	CaseFlow flow;

	@BeforeEach
	void api() {
		this.flow = new CaseFlow(this.context, this.port);
		this.api = this.flow.api();
	}

	@Test
	void aSecondApplicationForTheSameDeceasedIs409NamingTheCaseToFollow() {
		String deceased = idEndingInX();
		ObjectNode first = Forms.fresh();
		first.with("deceased").put("idNumber", deceased);
		String caseNo = this.flow.apply(first);
		String before = this.api.get("/api/v1/applications/" + caseNo, HubApi.OPERATOR).body();

		for (String written : List.of(deceased, deceased.replace('X', 'x'),
				deceased.substring(0, 6) + " " + deceased.substring(6, 14) + " " + deceased.substring(14),
				" " + deceased.replace('X', 'x') + "\u3000")) {
			ObjectNode second = Forms.fresh();
			second.with("deceased").put("idNumber", written);
			second.with("applicant").put("name", "李二").put("relation", "SPOUSE");

			HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WINDOW, second.toString());

			assertThat(answer.status()).as(written + ": " + answer.body()).isEqualTo(409);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			JsonNode problem = answer.json();
			assertThat(problem.get("type").asText()).isEqualTo("urn:lianban:problem:deceased-has-case");
			assertThat(problem.get("caseNo").asText()).isEqualTo(caseNo);
			assertThat(problem.get("caseUrl").asText()).isEqualTo("/api/v1/applications/" + caseNo);
			assertThat(problem.get("detail").asText()).contains(caseNo).contains("查询").contains("Follow that case");
		}
		assertThat(casesOf(deceased)).isEqualTo(1);
		assertThat(this.api.get("/api/v1/applications/" + caseNo, HubApi.OPERATOR).body()).isEqualTo(before);
		// security (issue 15): the number named to another relative opens nothing of the
		// case
		String relative = TestIds.next();
		assertThat(this.api.get("/api/v1/applications/" + caseNo, HubApi.WINDOW, "X-On-Behalf-Of", relative).status())
			.isEqualTo(404);
	}

	@Test
	void twoApplicationsAtTheSameMomentMakeOneCase() throws Exception {
		String deceased = TestIds.next();
		int n = 6;
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < n; i++) {
				ObjectNode form = Forms.fresh();
				form.with("deceased").put("idNumber", deceased);
				answers.add(pool.submit(() -> {
					start.await();
					return this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString()).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : answers) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(casesOf(deceased)).isEqualTo(1);
	}

	@Test
	void afterACaseIsRejectedTheDeceasedMayApplyAgain() {
		ObjectNode form = Forms.fresh();
		String caseNo = this.flow.apply(form);
		// registered outside Shanxi: not eligible
		ObjectNode certificate = CaseFlow.certificate(form);
		certificate.with("deceased").put("householdRegionCode", "110105");
		HubApi.Response receipt = this.api.postJson("/api/v1/certificates", HubApi.HOSPITAL, certificate.toString());
		assertThat(receipt.body()).contains("ACCEPTED");
		assertThat(status(caseNo)).isEqualTo("REJECTED");

		ObjectNode again = Forms.fresh();
		again.set("deceased", form.get("deceased").deepCopy());
		String second = this.flow.apply(again);

		assertThat(second).isNotEqualTo(caseNo);
		assertThat(status(second)).isEqualTo("REJECTED");
		assertThat(status(caseNo)).isEqualTo("REJECTED");
	}

	@Test
	void aRejectedCaseStaysRejectedWhenACorrectionArrivesAfterAnotherCaseWasOpened() {
		ObjectNode form = Forms.fresh();
		String first = this.flow.apply(form);
		ObjectNode certificate = CaseFlow.certificate(form);
		certificate.with("deceased").put("householdRegionCode", "110105");
		this.api.postJson("/api/v1/certificates", HubApi.HOSPITAL, certificate.toString());
		assertThat(status(first)).isEqualTo("REJECTED");
		// the family had the certificate corrected, and applied again before it came
		this.jdbc.sql("update case_file set status = 'AWAITING_CERTIFICATE' where case_no = ?")
			.param(this.flow.apply(sameDeceased(form)))
			.update();
		String second = this.jdbc
			.sql("select case_no from case_file where deceased_id_number = ? and status <> 'REJECTED'")
			.param(form.at("/deceased/idNumber").asText())
			.query(String.class)
			.single();

		certificate.with("deceased").put("householdRegionCode", "140105");
		certificate.put("action", "UPDATE").put("version", 2);
		HubApi.Response receipt = this.api.postJson("/api/v1/certificates", HubApi.HOSPITAL, certificate.toString());

		assertThat(receipt.body()).contains("ACCEPTED");
		assertThat(status(first)).isEqualTo("REJECTED");
		assertThat(status(second)).isEqualTo("IN_PROGRESS");
	}

	private static ObjectNode sameDeceased(ObjectNode form) {
		ObjectNode again = Forms.fresh();
		again.set("deceased", form.get("deceased").deepCopy());
		return again;
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select status from case_file where case_no = ?")
			.param(caseNo)
			.query(String.class)
			.single();
	}

	private int casesOf(String deceased) {
		return this.jdbc.sql("select count(*) from case_file where deceased_id_number = ?")
			.param(deceased)
			.query(Integer.class)
			.single();
	}

	/** A valid ID number whose check character is X. */
	private static String idEndingInX() {
		while (true) {
			String id = TestIds.next();
			if (id.endsWith("X")) {
				return id;
			}
		}
	}

}
