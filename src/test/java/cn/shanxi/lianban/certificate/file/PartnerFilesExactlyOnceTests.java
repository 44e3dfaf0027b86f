package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.certificate.TestRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerFilesExactlyOnceTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CamelContext camel;

	final DropFolder hospital = new DropFolder("SXPH");

	int submissions(String fileName) {
		return this.jdbc.sql("select count(*) from partner_submission where partner_code = 'SXPH' and file_name = ?")
			.param(fileName)
			.query(Integer.class)
			.single();
	}

	int stored(List<String> idNumbers) {
		return this.jdbc.sql("select count(*) from certificate where certificate_no = any(?)")
			.param(idNumbers.toArray(String[]::new))
			.query(Integer.class)
			.single();
	}

	@Test
	void aFileCutShortInTheMiddleIsTakenUpAgainAndNothingIsDuplicated() {
		// 2,500 records = a whole chunk of 2,000 and a part one; the second chunk's
		// transaction fails (as if the hub died there) until the trigger is dropped,
		// with passing trouble (a serialization failure): the file waits for a poll
		List<String> ids = new ArrayList<>();
		DeathCsv csv = new DeathCsv();
		for (int i = 0; i < 2500; i++) {
			String id = TestRecords.idNumber("140105");
			ids.add(id);
			csv.add(id, "李大山", "I21.9");
		}
		this.jdbc.sql("""
				create or replace function fail_once_for_test() returns trigger language plpgsql as $$
				begin raise exception 'simulated crash' using errcode = '40001'; end $$
				""").update();
		this.jdbc
			.sql("create trigger crash_in_the_middle before insert on certificate for each row when"
					+ " (new.certificate_no = '" + ids.get(2100) + "') execute function fail_once_for_test()")
			.update();
		try {
			this.hospital.drop("cut-short.csv", csv.bytes(GB18030));
			await().atMost(Duration.ofSeconds(60)).until(() -> this.jdbc.sql("""
					select count(*) from submission_record r join partner_submission s on s.id = r.submission_id
					where s.file_name = 'cut-short.csv'
					""").query(Integer.class).single() == 2000);
			assertThat(this.hospital.home.resolve("inbox").resolve("cut-short.csv")).exists();
			assertThat(stored(ids)).isEqualTo(2000);
		}
		finally {
			this.jdbc.sql("drop trigger crash_in_the_middle on certificate").update();
		}
		String receipt = this.hospital.receiptText("cut-short.csv", GB18030);
		assertThat(receipt.split("\r\n")).hasSize(2501);
		assertThat(receipt).doesNotContain("DUPLICATE").doesNotContain("REJECTED");
		assertThat(stored(ids)).isEqualTo(2500);
		assertThat(submissions("cut-short.csv")).isOne();
		assertThat(this.jdbc.sql("select status from partner_submission where file_name = 'cut-short.csv'")
			.query(String.class)
			.single()).isEqualTo("COMPLETED");
	}

	@Test
	void aFileReadAgainCreatesNothingNewAndAnswersDuplicate() {
		// the same records sent again in a file of another name: a file of its own, read,
		// each record answered DUPLICATE (the same file again under its own name is known
		// by its content and not read twice: DropFolderIntakeTests)
		String id = TestRecords.idNumber("140105");
		byte[] file = new DeathCsv().add(id, "李大山", "I21.9").bytes(GB18030);
		this.hospital.drop("sent-twice.csv", file);
		assertThat(this.hospital.receiptText("sent-twice.csv", GB18030)).contains(id + ",ACCEPTED");
		this.hospital.drop("sent-twice-again.csv", file);
		assertThat(this.hospital.receiptText("sent-twice-again.csv", GB18030)).contains(id + ",DUPLICATE");
		assertThat(submissions("sent-twice.csv")).isOne();
		assertThat(submissions("sent-twice-again.csv")).isOne();
		assertThat(stored(List.of(id))).isOne();
		assertThat(this.hospital.archived("sent-twice.csv")).hasSize(1);
	}

	@Test
	void twoConsumersRacingOnOneFolderTakeEachFileOnce() throws Exception {
		// a second consumer with its own endpoint and claims, under another owner (as a
		// second hub instance has them): only the claims in PostgreSQL keep them apart
		PartnerFileClaims rivalClaims = new PartnerFileClaims(this.jdbc, "rival-instance", Duration.ofMinutes(2),
				Duration.ofSeconds(20));
		this.camel.getRegistry().bind("rivalClaims", rivalClaims);
		String uri = this.camel.getRoute("partner-dropbox-files")
			.getEndpoint()
			.getEndpointUri()
			.replace("idempotentRepository=%23partnerFileClaims", "idempotentRepository=%23rivalClaims")
				+ "&initialDelay=0";
		assertThat(uri).contains("rivalClaims");
		this.camel.addRoutes(new RouteBuilder() {
			@Override
			public void configure() {
				from(uri).routeId("rival-instance")
					.bean("partnerDropboxFiles", "prepare")
					.idempotentConsumer(header(DropboxFiles.FILE_KEY))
					.idempotentRepository("partnerFilesIngested")
					.eager(false)
					.removeOnFailure(false)
					.bean("partnerDropboxFiles", "ingest");
			}
		});
		NotifyBuilder rivalTookSome = new NotifyBuilder(this.camel).fromRoute("rival-instance").whenDone(1).create();
		NotifyBuilder firstTookSome = new NotifyBuilder(this.camel).fromRoute("partner-dropbox-files")
			.whenDone(1)
			.create();
		try {
			List<String> names = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String name = "race-" + i + ".csv";
				DeathCsv csv = new DeathCsv();
				// files that take a while each: both consumers at work at once
				for (int r = 0; r < 100; r++) {
					String id = TestRecords.idNumber("140105");
					ids.add(id);
					csv.add(id, "李大山", "I21.9");
				}
				names.add(name);
				this.hospital.drop(name, csv.bytes(GB18030));
			}
			for (String name : names) {
				String receipt = this.hospital.receiptText(name, GB18030);
				assertThat(receipt).doesNotContain("DUPLICATE");
				assertThat(submissions(name)).as(name).isOne();
				assertThat(this.hospital.archived(name)).as(name).hasSize(1);
			}
			assertThat(stored(ids)).isEqualTo(2000);
			assertThat(rivalTookSome.matches()).as("the rival consumer took files").isTrue();
			assertThat(firstTookSome.matches()).as("the route took files").isTrue();
		}
		finally {
			this.camel.getRouteController().stopRoute("rival-instance");
			this.camel.removeRoute("rival-instance");
		}
	}

	@Test
	void aClaimLeftByADeadInstanceLapsesButALiveOneIsRespected() throws Exception {
		Path inbox = Files.createDirectories(this.hospital.home.resolve("inbox"));
		String lapsed = TestRecords.idNumber("140105");
		String live = TestRecords.idNumber("140105");
		claim(inbox.resolve("dead-claim.csv"), Instant.now().minus(Duration.ofHours(1)));
		claim(inbox.resolve("live-claim.csv"), Instant.now());
		this.hospital.drop("live-claim.csv", new DeathCsv().add(live, "李大山", "I21.9").bytes(GB18030));
		this.hospital.drop("dead-claim.csv", new DeathCsv().add(lapsed, "李大山", "I21.9").bytes(GB18030));
		assertThat(this.hospital.receiptText("dead-claim.csv", GB18030)).contains(lapsed + ",ACCEPTED");
		// the defect showed one poll later: the poll that skipped the claimed file
		// deleted the claim, and the next one took the file
		Polls.passOne();
		Polls.passOne();
		assertThat(inbox.resolve("live-claim.csv")).exists();
		assertThat(stored(List.of(live))).isZero();
		assertThat(claimed(inbox.resolve("live-claim.csv"))).as("the live claim is still there").isTrue();
		this.jdbc.sql("delete from partner_file_claim where file_key = ?")
			.param(inbox.resolve("live-claim.csv").toAbsolutePath().toString())
			.update();
		assertThat(this.hospital.receiptText("live-claim.csv", GB18030)).contains(live + ",ACCEPTED");
	}

	private boolean claimed(Path file) {
		return this.jdbc.sql("select count(*) from partner_file_claim where file_key = ?")
			.param(file.toAbsolutePath().toString())
			.query(Integer.class)
			.single() == 1;
	}

	/** A claim of another instance, last renewed at {@code at}. */
	private void claim(Path file, Instant at) {
		this.jdbc
			.sql("insert into partner_file_claim (file_key, owner, process, claimed_at, renewed_at)"
					+ " values (?, 'another-hub', 'its-process', ?, ?)")
			.params(file.toAbsolutePath().toString(), Timestamp.from(at), Timestamp.from(at))
			.update();
	}

}
