package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.shanxi.lianban.certificate.CertificateIngestion;
import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.certificate.TestRecords;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file of several chunks is stored on two connections at once (COPY for the new
 * certificates) yet answers as if read one record after the other, and its receipt,
 * written as the chunks commit, is byte for byte the one the database gives back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerFilesInParallelChunksTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	@Autowired
	PartnerFiles files;

	@Autowired
	ReceiptWriter receipts;

	@Autowired
	PartnerRegistry partners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path dir;

	Partner hospital() {
		return this.partners.find("SXPH").orElseThrow();
	}

	@Test
	void correctionsInLaterChunksAreComparedInFileOrderAndTheReceiptIsTheStoredOne() throws Exception {
		// chunks of 2,000 records: lines 2-2001, 2002-4001, 4002-4501; record i is on
		// line i + 2, its receipt line at i + 1 (after the header)
		List<String> ids = new ArrayList<>();
		DeathCsv csv = new DeathCsv();
		for (int i = 0; i < 4500; i++) {
			String id = TestRecords.idNumber("140105");
			ids.add(id);
			if (i == 2100) {
				// corrects line 7, a chunk earlier
				csv.add(ids.get(5), "李小山", "I21.9", "2");
			}
			else if (i == 4300) {
				csv.add(ids.get(6), "李大山", "I21.9"); // line 8 again
			}
			else if (i == 4301) {
				// same version as line 9, other content
				csv.add(ids.get(7), "王大山", "I21.9");
			}
			else if (i == 4302) {
				csv.add(id, "李大山", "XYZ"); // no ICD-10 code
			}
			else if (i == 4303) {
				csv.add(ids.get(2101), "李大山", "I21.9", "0"); // older than line 2103's
			}
			else {
				csv.add(id, "李大山", "I21.9");
			}
		}
		Path file = Files.write(this.dir.resolve("chunks.csv"), csv.bytes(GB18030));
		Path receipt = this.dir.resolve("receipts").resolve("chunks.csv.receipt.csv");

		CertificateIngestion.Result result = this.files.ingest(hospital(), Channel.DROPBOX, "chunks.csv", file,
				receipt);

		String[] lines = new String(Files.readAllBytes(receipt), GB18030).split("\r\n");
		assertThat(lines).hasSize(4501);
		assertThat(lines[2101]).startsWith("2102," + ids.get(5) + ",ACCEPTED");
		assertThat(lines[4301]).startsWith("4302," + ids.get(6) + ",DUPLICATE,record.duplicate");
		assertThat(lines[4302]).startsWith("4303," + ids.get(7) + ",REJECTED,version.conflict");
		assertThat(lines[4303]).startsWith("4304," + ids.get(4302) + ",REJECTED,");
		assertThat(lines[4304]).startsWith("4305," + ids.get(2101) + ",STALE,version.stale");
		assertThat(result.counts().accepted()).isEqualTo(4500 - 4);
		assertThat(this.jdbc
			.sql("select version || ' ' || (record->'deceased'->>'name') from certificate where certificate_no = ?")
			.param(ids.get(5))
			.query(String.class)
			.single()).isEqualTo("2 李小山");
		assertThat(this.jdbc
			.sql("select count(*) from certificate_version v join certificate c"
					+ " on c.id = v.certificate_id where c.certificate_no = ?")
			.param(ids.get(5))
			.query(Integer.class)
			.single()).isOne();
		assertThat(Files.readAllBytes(receipt)).isEqualTo(this.receipts.bytes(result.submissionId(), GB18030));
		try (var stream = Files.list(receipt.getParent())) {
			assertThat(stream.map((p) -> p.getFileName().toString())).containsExactly("chunks.csv.receipt.csv");
		}
	}

	@Test
	void aCertificateAnotherTransactionStoresDuringTheCopyIsComparedAsOnRecord() throws Exception {
		String raced = TestRecords.idNumber("140105");
		String other = TestRecords.idNumber("140105");
		Path file = Files.write(this.dir.resolve("race.csv"),
				new DeathCsv().add(raced, "李大山", "I21.9").add(other, "李大山", "I21.9").bytes(GB18030));
		try (Connection rival = this.dataSource.getConnection()) {
			rival.setAutoCommit(false);
			try (PreparedStatement insert = rival.prepareStatement(
					"""
							insert into certificate (kind, certificate_no, partner_code, status, action, version, content_sha256,
							  deceased_id_number, record, submission_id, line_no, created_at, updated_at)
							values ('DEATH_MEDICAL', ?, 'SXPH', 'ACTIVE', 'SUBMIT', 1, repeat('0', 64), ?, '{}', 0, 1, now(), now())
							""")) {
				insert.setString(1, raced);
				insert.setString(2, raced);
				insert.executeUpdate();
			}
			// the look-up cannot see the rival's row yet: the copy waits on its key
			CompletableFuture<CertificateIngestion.Result> ingesting = CompletableFuture.supplyAsync(() -> this.files
				.ingest(hospital(), Channel.DROPBOX, "race.csv", file, this.dir.resolve("race.csv.receipt.csv")));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.sql("""
					select count(*) from pg_stat_activity
					where datname = current_database() and wait_event_type = 'Lock' and query like 'copy certificate%'
					""").query(Integer.class).single() == 1);
			rival.commit();
			CertificateIngestion.Result result = ingesting.get(60, TimeUnit.SECONDS);
			assertThat(result.counts().accepted()).isOne();
		}
		String receipt = new String(Files.readAllBytes(this.dir.resolve("race.csv.receipt.csv")), GB18030);
		assertThat(receipt).contains("2," + raced + ",REJECTED,version.conflict").contains("3," + other + ",ACCEPTED");
		assertThat(this.jdbc.sql("select count(*) from certificate where certificate_no in (?, ?)")
			.params(raced, other)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}
