package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.shanxi.lianban.certificate.TestRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files in the drop folders that used to stay in the inbox for ever, or to be skipped, or
 * to write what they liked into the log: each now ends, within one poll, with a receipt
 * or in {@code error/} with its {@code .reason}, and never holds up another partner's
 * file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DropFolderIntakeTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	static final Charset GBK = Charset.forName("GBK");

	/**
	 * Several polls and the reading of a 20 MB file, on a busy machine; the defects held
	 * every other partner up 40 s per bad file and poll.
	 */
	static final Duration WITHIN_A_POLL_OR_TWO = Duration.ofSeconds(15);

	@Autowired
	JdbcClient jdbc;

	final DropFolder hospital = new DropFolder("SXPH");

	final DropFolder funeralHome = new DropFolder("TYFH");

	int submissions(String partner, String fileName) {
		return this.jdbc.sql("select count(*) from partner_submission where partner_code = ? and file_name = ?")
			.params(partner, fileName)
			.query(Integer.class)
			.single();
	}

	@Test
	void threeBadFilesOfOnePartnerNeverDelayAGoodFileOfAnother() throws IOException {
		String longName = "a".repeat(236) + ".csv"; // 240 bytes: too long for its
													// receipt's name
		String id = TestRecords.idNumber("140105");
		this.hospital.drop("empty.csv", new byte[0]);
		this.hospital.drop(longName, new DeathCsv().add(id, "李大山", "I21.9").bytes(GB18030));
		Path inbox = this.hospital.home.resolve("inbox");
		Path part = inbox.resolve("big-attribute.xml.part");
		try (OutputStream out = Files.newOutputStream(part)) {
			out.write("<certificates><certificate note=\"".getBytes(StandardCharsets.US_ASCII));
			byte[] mb = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 20; i++) {
				out.write(mb);
			}
			out.write("\"><kind>DEATH_MEDICAL</kind></certificate></certificates>".getBytes(StandardCharsets.US_ASCII));
		}
		Files.move(part, inbox.resolve("big-attribute.xml"), StandardCopyOption.ATOMIC_MOVE);
		String cremation = "kind,certificateNo,deceased.name,deceased.idNumber,crematedAt,funeralHome.name\r\n"
				+ "CREMATION,HZ" + id.substring(10) + ",李大山," + id + ",2026-11-28 09:00,太原市殡仪馆\r\n";
		this.funeralHome.drop("good.csv", cremation.getBytes(GBK));

		Path error = this.hospital.home.resolve("error");
		await().atMost(WITHIN_A_POLL_OR_TWO)
			.until(() -> Files.exists(this.funeralHome.receipt("good.csv"))
					&& Files.exists(error.resolve("empty.csv.reason"))
					&& Files.exists(error.resolve(longName + ".reason"))
					&& Files.exists(error.resolve("big-attribute.xml.reason")));
		assertThat(new String(Files.readAllBytes(this.funeralHome.receipt("good.csv")), GBK)).contains(",ACCEPTED");
		assertThat(reason("empty.csv")).contains("空文件").contains("empty");
		assertThat(reason(longName)).contains("文件名过长").contains("too long");
		assertThat(reason("big-attribute.xml")).contains("XML");
		assertThat(error.resolve("empty.csv")).exists();
		assertThat(error.resolve(longName)).exists();
		assertThat(error.resolve("big-attribute.xml")).exists();
		// each taken once, not retried poll after poll
		assertThat(submissions("SXPH", "empty.csv")).isOne();
		assertThat(submissions("SXPH", "big-attribute.xml")).isOne();
		assertThat(inbox.resolve("empty.csv")).doesNotExist();
	}

	@Test
	void aDifferentFileUnderAnEarlierNameWithTheSameSizeAndTimeGetsItsOwnReceipt() throws IOException {
		String first = TestRecords.idNumber("140105");
		String second = TestRecords.idNumber("140105");
		byte[] a = new DeathCsv().add(first, "李大山", "I21.9").bytes(GB18030);
		byte[] b = new DeathCsv().add(second, "李大山", "I21.9").bytes(GB18030);
		assertThat(b).hasSameSizeAs(a).isNotEqualTo(a);
		FileTime sameTime = FileTime.fromMillis(1_790_000_000_000L);
		dropWithTime("same-name.csv", a, sameTime);
		assertThat(this.hospital.receiptText("same-name.csv", GB18030)).contains(first + ",ACCEPTED");

		dropWithTime("same-name.csv", b, sameTime);
		await().atMost(WITHIN_A_POLL_OR_TWO)
			.until(() -> new String(DropFolder.read(this.hospital.receipt("same-name.csv")), GB18030)
				.contains(second + ",ACCEPTED"));
		assertThat(this.hospital.receiptText("same-name.csv", GB18030)).doesNotContain(first);
		assertThat(submissions("SXPH", "same-name.csv")).isEqualTo(2);
	}

	@Test
	void theSameFileDroppedAgainUnderItsNameIsKnownByItsContentAndKeepsItsReceipt() {
		String id = TestRecords.idNumber("140105");
		byte[] file = new DeathCsv().add(id, "李大山", "I21.9").bytes(GB18030);
		this.hospital.drop("dropped-twice.csv", file);
		byte[] receipt = this.hospital.awaitReceipt("dropped-twice.csv");

		this.hospital.drop("dropped-twice.csv", file);
		await().atMost(WITHIN_A_POLL_OR_TWO).until(() -> this.hospital.archived("dropped-twice.csv").size() == 2);
		assertThat(this.hospital.awaitReceipt("dropped-twice.csv")).isEqualTo(receipt);
		assertThat(submissions("SXPH", "dropped-twice.csv")).isOne();
	}

	@Test
	void aFileNameCannotForgeALogLine(CapturedOutput output) {
		String forged = "2026-01-01T00:00:00.000+08:00  INFO 1 --- [main] forged : FORGED";
		String name = "deaths\r\n" + forged + ".csv";
		String id = TestRecords.idNumber("140105");
		this.hospital.drop(name, new DeathCsv().add(id, "李大山", "I21.9").bytes(GB18030));
		assertThat(this.hospital.receiptText(name, GB18030)).contains(id + ",ACCEPTED");
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith(forged));
		assertThat(output.getAll()).contains("deaths\\r\\n" + forged);
	}

	@Test
	void anUnexpectedFailureSendsTheFileToErrorWithItsReasonInsteadOfRetryingItForever() throws IOException {
		String id = TestRecords.idNumber("140105");
		// a defect met when the file's first records are recorded
		this.jdbc.sql("""
				create or replace function fail_unexpectedly_for_test() returns trigger language plpgsql as $$
				begin
				  if exists (select 1 from partner_submission s where s.id = new.submission_id
				             and s.file_name = 'meets-a-defect.csv') then
				    raise exception 'a defect of the hub';
				  end if;
				  return new;
				end $$
				""").update();
		this.jdbc
			.sql("create trigger fail_unexpectedly before insert on submission_chunk for each row"
					+ " execute function fail_unexpectedly_for_test()")
			.update();
		Path error = this.hospital.home.resolve("error");
		try {
			this.hospital.drop("meets-a-defect.csv", new DeathCsv().add(id, "李大山", "I21.9").bytes(GB18030));
			await().atMost(WITHIN_A_POLL_OR_TWO)
				.until(() -> Files.exists(error.resolve("meets-a-defect.csv.reason"))
						&& Files.exists(error.resolve("meets-a-defect.csv")));
		}
		finally {
			this.jdbc.sql("drop trigger fail_unexpectedly on submission_chunk").update();
		}
		assertThat(reason("meets-a-defect.csv")).contains("意外").contains("unexpected");
		assertThat(this.hospital.home.resolve("inbox/meets-a-defect.csv")).doesNotExist();
		assertThat(this.jdbc.sql("select status from partner_submission where file_name = 'meets-a-defect.csv'")
			.query(String.class)
			.list()).containsExactly("FAILED");
	}

	private String reason(String name) throws IOException {
		return new String(Files.readAllBytes(this.hospital.home.resolve("error").resolve(name + ".reason")), GB18030);
	}

	private void dropWithTime(String name, byte[] content, FileTime time) throws IOException {
		Path inbox = Files.createDirectories(this.hospital.home.resolve("inbox"));
		Path part = inbox.resolve(name + ".part");
		Files.write(part, content);
		Files.setLastModifiedTime(part, time);
		Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

}
