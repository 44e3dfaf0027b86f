package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.certificate.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records in dropped files are checked as REST records are: the partners' usual time form
 * is stored as ISO, a control character or an endless name is rejected alone, with its
 * reason in the receipt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerFileRecordChecksTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	@Autowired
	JdbcClient jdbc;

	final DropFolder hospital = new DropFolder("SXPH");

	@Test
	void aCsvWithTheCommonLocalTimeFormIsStoredWithIsoTimes() {
		String id = TestRecords.idNumber("140105");
		this.hospital.drop("local-times.csv", new DeathCsv().add(id, "李大山", "I21.9").bytes(GB18030));

		assertThat(this.hospital.receiptText("local-times.csv", GB18030)).contains("2," + id + ",ACCEPTED,,,");
		assertThat(this.jdbc.sql("""
				select record->'death'->>'time' || ' ' || (record->'issuer'->>'issuedAt') from certificate
				where certificate_no = ?""").param(id).query(String.class).single())
			.isEqualTo("2026-11-27T03:40:00+08:00 2026-11-27T08:10:00+08:00");
	}

	@Test
	void aNulOrAThreeMillionCharacterNameIsRejectedAloneWithItsReason() {
		String nul = TestRecords.idNumber("140105");
		String endless = TestRecords.idNumber("140105");
		String good = TestRecords.idNumber("140105");
		byte[] file = new DeathCsv().add(nul, "李\u0000大山", "I21.9")
			.add(endless, "李".repeat(3_000_000), "I21.9")
			.add(good, "王小二", "I21.9")
			.bytes(GB18030);
		this.hospital.drop("bad-names.csv", file);

		String receipt = this.hospital.receiptText("bad-names.csv", GB18030);
		assertThat(receipt).contains("2," + nul + ",REJECTED,deceased.name.controlCharacter,")
			.contains("3," + endless + ",REJECTED,deceased.name.tooLong,")
			.contains("4," + good + ",ACCEPTED,,,")
			.doesNotContain("\u0000");
		assertThat(this.jdbc.sql("select count(*) from certificate where certificate_no in (?, ?)")
			.params(nul, endless)
			.query(Integer.class)
			.single()).isZero();
	}

}
