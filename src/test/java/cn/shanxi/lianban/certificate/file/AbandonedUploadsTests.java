package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the inboxes hold that no route will take is set aside into {@code error/} with its
 * reason by the housekeeping job — reported, recorded, never deleted. The job runs every
 * minute; the tests run it at once.
 */
// the context every web test shares: another one would be another hub polling and
// relaying
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbandonedUploadsTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	@Autowired
	PartnerFilesHousekeeping housekeeping;

	@Autowired
	JdbcClient jdbc;

	final DropFolder hospital = new DropFolder("SXPH");

	String status(String fileName) {
		return this.jdbc.sql("select status from partner_submission where partner_code = 'SXPH' and file_name = ?")
			.param(fileName)
			.query(String.class)
			.single();
	}

	@Test
	void aTemporaryUploadAbandonedForADayIsSetAsideWithItsReasonNotDeleted() throws IOException {
		Path inbox = Files.createDirectories(this.hospital.home.resolve("inbox"));
		Path abandoned = Files.writeString(inbox.resolve("deaths-abandoned.csv.part"), "kind,certificateNo\r\n");
		Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
		Path hidden = Files.writeString(inbox.resolve(".deaths-hidden.csv"), "half");
		Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
		Path fresh = Files.writeString(inbox.resolve("deaths-fresh.csv.part"), "still coming");

		assertThat(this.housekeeping.run()).contains(abandoned, hidden).doesNotContain(fresh);

		Path error = this.hospital.home.resolve("error");
		assertThat(error.resolve("deaths-abandoned.csv.part")).hasContent("kind,certificateNo\r\n");
		assertThat(new String(Files.readAllBytes(error.resolve("deaths-abandoned.csv.part.reason")), GB18030))
			.contains("24 小时未改动")
			.contains("not changed for 24 h")
			.contains("not deleted");
		// a dot-file is set aside under a name the partner's listing shows
		assertThat(error.resolve("deaths-hidden.csv")).hasContent("half");
		assertThat(error.resolve("deaths-hidden.csv.reason")).exists();
		assertThat(fresh).exists();
		assertThat(abandoned).doesNotExist();
		assertThat(status("deaths-abandoned.csv.part")).isEqualTo("EXPIRED");
		assertThat(status(".deaths-hidden.csv")).isEqualTo("EXPIRED");
	}

	@Test
	void anUploadWhoseHubDiedMidwayIsSetAsideAsCutOffNeverRead() throws IOException {
		Path inbox = Files.createDirectories(this.hospital.home.resolve("inbox"));
		Path file = Files.writeString(inbox.resolve("hub-died.csv"), "kind,certificateNo\r\nDEATH_MEDICAL,14010");
		// a killed instance's drop-box had it open: its mark is no longer renewed
		this.jdbc.sql("""
				insert into partner_upload (path, partner_code, state, opened_at, alive_at)
				values (?, 'SXPH', 'WRITING', now() - interval '10 minutes', now() - interval '10 minutes')
				""").param(file.toAbsolutePath().toString()).update();
		Polls.passOne();
		assertThat(file).as("never read while marked as being written").exists();

		assertThat(this.housekeeping.run()).contains(file);

		Path error = this.hospital.home.resolve("error");
		assertThat(error.resolve("hub-died.csv")).exists();
		assertThat(new String(Files.readAllBytes(error.resolve("hub-died.csv.reason")), GB18030))
			.contains("the hub stopped during the upload");
		assertThat(status("hub-died.csv")).isEqualTo("INTERRUPTED");
		assertThat(this.jdbc.sql("select count(*) from partner_upload where path = ?")
			.param(file.toAbsolutePath().toString())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.hospital.receipt("hub-died.csv")).doesNotExist();
	}

}
