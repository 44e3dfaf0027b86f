package cn.shanxi.lianban.certificate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.intake.AcceptApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching locks ({@link CaseMatching}): one per deceased, taken by the intake and by
 * certificate chunks before each looks for the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseMatchingConcurrencyTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AcceptApplication accept;

	/** As in {@link CaseMatching}. */
	static final int MATCHING_LOCKS = 0x4c42_434d;

	@Autowired
	DataSource dataSource;

	final ExecutorService threads = Executors.newFixedThreadPool(4);

	/**
	 * Each application and its certificate start at the same moment, many times over: if
	 * both could look for the other before either committed, some case would wait for a
	 * certificate that is on record.
	 */
	@Test
	void anApplicationAndItsCertificateArrivingTogetherAlwaysMeet() throws Exception {
		int pairs = 60;
		List<String> ids = new ArrayList<>();
		List<Future<Long>> cases = new ArrayList<>();
		List<Future<String>> outcomes = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			String id = TestRecords.idNumber("140105");
			ids.add(id);
			CyclicBarrier together = new CyclicBarrier(2);
			cases.add(this.threads.submit(() -> {
				together.await(10, TimeUnit.SECONDS);
				return TestCases.apply(this.accept, this.jdbc, id);
			}));
			outcomes.add(this.threads.submit(() -> {
				together.await(10, TimeUnit.SECONDS);
				return line(post(CertificateApiTests.HOSPITAL, TestRecords.death(id, "140105")), 0).get("outcome")
					.asText();
			}));
		}
		for (int i = 0; i < pairs; i++) {
			assertThat(outcomes.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("ACCEPTED");
			long caseId = cases.get(i).get(60, TimeUnit.SECONDS);
			assertThat(TestCases.status(this.jdbc, caseId)).as("case of %s", ids.get(i)).isEqualTo("IN_PROGRESS");
			assertThat(TestCases.events(this.jdbc, caseId)).containsExactly("CERTIFICATE_MATCHED", "CASE_ELIGIBLE");
		}
		this.threads.shutdown();
	}

	/**
	 * A chunk takes its people's locks in key order, whatever the order of its records,
	 * so two chunks naming the same people can never hold one lock each and wait for the
	 * other's. Here the test holds the later key; a chunk naming that person first must
	 * already hold the earlier key while it waits.
	 */
	@Test
	void aChunkTakesItsLocksInKeyOrderWhateverTheOrderOfItsRecords() throws Exception {
		String first = TestRecords.idNumber("140105");
		String second = TestRecords.idNumber("140105");
		if (hash(first) > hash(second)) {
			String t = first;
			first = second;
			second = t;
		}
		long firstCase = TestCases.apply(this.accept, this.jdbc, first);
		long secondCase = TestCases.apply(this.accept, this.jdbc, second);
		ObjectNode upload = TestRecords.JSON.createObjectNode();
		upload.putArray("records").add(TestRecords.death(second, "140105")).add(TestRecords.death(first, "140105"));
		try (Connection held = this.dataSource.getConnection()) {
			held.setAutoCommit(false);
			assertThat(tryLock(held, second)).isTrue();
			Future<ResponseEntity<JsonNode>> answer = this.threads
				.submit(() -> post(CertificateApiTests.HOSPITAL, upload));
			Instant deadline = Instant.now().plusSeconds(30);
			while (!waitingForAMatchingLock()) {
				assertThat(Instant.now()).as("the upload should wait for the held lock").isBefore(deadline);
				assertThat(answer.isDone()).as("the upload should wait for the held lock").isFalse();
				Thread.onSpinWait();
			}
			assertThat(tryLock(held, first)).as("the waiting chunk already holds the earlier key").isFalse();
			held.commit();
			assertThat(line(answer.get(60, TimeUnit.SECONDS), 0).get("outcome").asText()).isEqualTo("ACCEPTED");
		}
		assertThat(TestCases.status(this.jdbc, firstCase)).isEqualTo("IN_PROGRESS");
		assertThat(TestCases.status(this.jdbc, secondCase)).isEqualTo("IN_PROGRESS");
		this.threads.shutdown();
	}

	private int hash(String idNumber) {
		return this.jdbc.sql("select hashtext(?)").param(idNumber).query(Integer.class).single();
	}

	private static boolean tryLock(Connection connection, String idNumber) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_xact_lock(?, hashtext(?))")) {
			s.setInt(1, MATCHING_LOCKS);
			s.setString(2, idNumber);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private boolean waitingForAMatchingLock() {
		return this.jdbc
			.sql("select count(*) from pg_locks where locktype = 'advisory' and classid = ? and not granted")
			.param(MATCHING_LOCKS)
			.query(Integer.class)
			.single() > 0;
	}

	private ResponseEntity<JsonNode> post(String key, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Api-Key", key);
		return this.http.postForEntity("/api/v1/certificates", new HttpEntity<>(body, headers), JsonNode.class);
	}

	private static JsonNode line(ResponseEntity<JsonNode> answer, int i) {
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		return answer.getBody().get("lines").get(i);
	}

}
