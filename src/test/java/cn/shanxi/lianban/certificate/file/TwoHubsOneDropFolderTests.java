package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.certificate.TestRecords;
import cn.shanxi.lianban.delivery.OtherHub;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances — this test's context and a second one in the same JVM, each with its
 * own routes, beans and claims — polling one drop folder on one database. Files big
 * enough to take a while each, so that one instance polls again and again while the other
 * reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoHubsOneDropFolderTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	static OtherHub other;

	@Autowired
	JdbcClient jdbc;

	final DropFolder hospital = new DropFolder("SXPH");

	@BeforeAll
	static void startTheSecondInstance() {
		other = OtherHub.start("lianban.delivery.instance-id=second-hub");
	}

	@AfterAll
	static void stopTheSecondInstance() {
		other.close();
	}

	@Test
	void twoHubInstancesSharingADropFolderNeverBothReadAFile() {
		int files = 6;
		int records = 3000;
		List<String> names = new ArrayList<>();
		for (int f = 0; f < files; f++) {
			DeathCsv csv = new DeathCsv();
			for (int r = 0; r < records; r++) {
				csv.add(TestRecords.idNumber("140105"), "李大山", "I21.9");
			}
			String name = "shared-" + f + ".csv";
			names.add(name);
			this.hospital.drop(name, csv.bytes(GB18030));
		}
		for (String name : names) {
			await().atMost(Duration.ofSeconds(120)).until(() -> this.hospital.archived(name).size() >= 1);
		}
		Polls.passOne();
		Polls.passOne();
		for (String name : names) {
			byte[] receipt = this.hospital.awaitReceipt(name);
			String text = new String(receipt, GB18030);
			assertThat(receipt).as(name + " has no NUL bytes").doesNotContain((byte) 0);
			assertThat(text.split("\r\n")).as(name + ": header and one line per record").hasSize(records + 1);
			assertThat(text).as(name).doesNotContain("DUPLICATE").doesNotContain("REJECTED");
			assertThat(this.jdbc.sql("select count(*) from partner_submission where file_name = ?")
				.param(name)
				.query(Integer.class)
				.single()).as(name + " read once").isOne();
			assertThat(this.hospital.archived(name)).as(name + " archived once").hasSize(1);
		}
	}

}
