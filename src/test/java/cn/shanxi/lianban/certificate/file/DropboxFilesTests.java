package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.certificate.TestRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DropboxFilesTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	static final String RECEIPT_HEADER = "lineNo,certificateNo,outcome,reasonCode,reasonZh,reasonEn\r\n";

	@Autowired
	JdbcClient jdbc;

	final DropFolder hospital = new DropFolder("SXPH");

	String storedName(String idNumber) {
		return this.jdbc.sql("select record->'deceased'->>'name' from certificate where certificate_no = ?")
			.param(idNumber)
			.query(String.class)
			.single();
	}

	@Test
	void aGb18030FileKeepsNamesOfTwoAndFourByteCharactersIntact() {
		String id1 = TestRecords.idNumber("140105");
		String id2 = TestRecords.idNumber("140105");
		byte[] file = new DeathCsv().add(id1, "李大山", "I21.9").add(id2, "𠮷野家", "I21.9").bytes(GB18030);
		assertThat(new String(file, GB18030)).contains("𠮷");
		this.hospital.drop("gb18030-names.csv", file);
		String receipt = this.hospital.receiptText("gb18030-names.csv", GB18030);
		assertThat(receipt).isEqualTo(RECEIPT_HEADER + "2," + id1 + ",ACCEPTED,,,\r\n3," + id2 + ",ACCEPTED,,,\r\n");
		assertThat(storedName(id1)).isEqualTo("李大山");
		assertThat(storedName(id2)).isEqualTo("𠮷野家");
		assertThat(this.hospital.archived("gb18030-names.csv")).hasSize(1);
	}

	@Test
	void aFileWithGoodAndBadRecordsGetsThisExactReceipt() {
		String good = TestRecords.idNumber("140105");
		String bad = TestRecords.idNumber("140105");
		String badCheck = bad.substring(0, 17) + (bad.endsWith("1") ? "2" : "1");
		String alsoGood = TestRecords.idNumber("140105");
		byte[] file = new DeathCsv().add(good, "李大山", "I21.9")
			.add(bad, "王小二", "heart")
			.add(badCheck, "赵四", "I21.9")
			.add(alsoGood, "钱五", "X59")
			.add(good, "李大山", "I21.9")
			.bytes(GB18030);
		this.hospital.drop("mixed.csv", file);
		byte[] receipt = this.hospital.awaitReceipt("mixed.csv");
		String expected = RECEIPT_HEADER + "2," + good + ",ACCEPTED,,,\r\n" + "3," + bad
				+ ",REJECTED,causes.underlyingIcd10.format,causes.underlyingIcd10：应为 ICD-10 编码，如 I21.9,"
				+ "causes.underlyingIcd10: must be an ICD-10 code like I21.9\r\n" + "4," + badCheck
				+ ",REJECTED,deceased.idNumber.checksum,deceased.idNumber：身份证号码校验位不正确,"
				+ "deceased.idNumber: The ID number's check character is wrong\r\n" + "5," + alsoGood
				+ ",ACCEPTED,,,\r\n" + "6," + good
				+ ",DUPLICATE,record.duplicate,该记录已收到，未作改动,This record was received before: nothing changed\r\n";
		assertThat(receipt).isEqualTo(expected.getBytes(GB18030));
	}

	@Test
	void aHalfWrittenFileIsNotRead() throws Exception {
		String id = TestRecords.idNumber("140105");
		byte[] file = new DeathCsv().add(id, "李大山", "I21.9").bytes(GB18030);
		var inbox = Files.createDirectories(this.hospital.home.resolve("inbox"));
		Files.write(inbox.resolve("upload.csv.part"), file);
		Files.write(inbox.resolve(".upload.csv"), file);
		// another file dropped after it is taken in: the temporary ones were passed over
		String other = TestRecords.idNumber("140105");
		this.hospital.drop("after-the-part.csv", new DeathCsv().add(other, "李大山", "I21.9").bytes(GB18030));
		this.hospital.awaitReceipt("after-the-part.csv");
		assertThat(inbox.resolve("upload.csv.part")).exists();
		assertThat(inbox.resolve(".upload.csv")).exists();
		assertThat(this.jdbc.sql("select count(*) from certificate where certificate_no = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		Files.move(inbox.resolve("upload.csv.part"), inbox.resolve("upload.csv"));
		Files.delete(inbox.resolve(".upload.csv"));
		assertThat(this.hospital.receiptText("upload.csv", GB18030)).contains(id + ",ACCEPTED");
	}

	@Test
	void aFileInTheWrongCharsetGoesToErrorWithItsReason() {
		DropFolder healthCentre = new DropFolder("XDHC"); // agreed: UTF-8 XML
		String xml = "<certificates><certificate><kind>DEATH_MEDICAL</kind><deceased><name>李大山</name></deceased>"
				+ "</certificate></certificates>";
		healthCentre.drop("wrong-charset.xml", xml.getBytes(GB18030));
		var error = healthCentre.home.resolve("error");
		// the reason is written first, the file is moved when the exchange completes
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(error.resolve("wrong-charset.xml.reason"))
					&& Files.exists(error.resolve("wrong-charset.xml")));
		assertThat(error.resolve("wrong-charset.xml")).exists();
		assertThat(new String(DropFolder.read(error.resolve("wrong-charset.xml.reason")), StandardCharsets.UTF_8))
			.contains("UTF-8")
			.contains("not in the agreed charset");
		assertThat(healthCentre.receipt("wrong-charset.xml")).doesNotExist();
	}

	@Test
	void xmlAndJsonFilesAreReadWithTheSameFieldNames() {
		String id = TestRecords.idNumber("140105");
		DropFolder healthCentre = new DropFolder("XDHC");
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<certificates>
				  <certificate>
				    <kind>DEATH_MEDICAL</kind><certificateNo>%1$s</certificateNo><version>1</version>
				    <deceased><name>张𠮷</name><sex>2</sex><idNumber>%1$s</idNumber><birthDate>%2$s</birthDate>
				      <householdRegionCode>140105</householdRegionCode></deceased>
				    <death><time>2026-11-27T03:40:00+08:00</time><placeCategory>HOME</placeCategory></death>
				    <causes><a>肺癌</a><underlyingIcd10>C34.9</underlyingIcd10></causes>
				    <issuer><institutionName>坞城街道社区卫生服务中心</institutionName><issuedAt>2026-11-27T10:00:00+08:00</issuedAt></issuer>
				  </certificate>
				  <certificate><kind>DEATH_MEDICAL</kind><certificateNo>nonsense</certificateNo></certificate>
				</certificates>
				"""
			.formatted(id, TestRecords.birthDate(id));
		healthCentre.drop("deaths.xml", xml.getBytes(StandardCharsets.UTF_8));
		String receipt = healthCentre.receiptText("deaths.xml", StandardCharsets.UTF_8);
		assertThat(receipt).startsWith(RECEIPT_HEADER + "1," + id + ",ACCEPTED,,,\r\n2,nonsense,REJECTED,");
		assertThat(storedName(id)).isEqualTo("张𠮷");

		String police = TestRecords.idNumber("140105");
		var record = TestRecords.death(police, "140105").put("kind", "DEATH_NON_NORMAL");
		record.with("issuer").put("institutionName", "太原市公安局").put("institutionCode", "11140100012345678K");
		record.putObject("police").put("unitName", "太原市公安局小店分局");
		DropFolder policeFolder = new DropFolder("TYPSB");
		policeFolder.drop("non-normal.json", ("{\"records\":[" + record + "]}").getBytes(StandardCharsets.UTF_8));
		assertThat(policeFolder.receiptText("non-normal.json", StandardCharsets.UTF_8))
			.isEqualTo(RECEIPT_HEADER + "1," + police + ",ACCEPTED,,,\r\n");
	}

	@Test
	void aCremationCsvFromTheFuneralHomeInGbk() {
		Charset gbk = Charset.forName("GBK");
		String id = TestRecords.idNumber("140105");
		String csv = "kind,certificateNo,deceased.name,deceased.idNumber,crematedAt,funeralHome.name,deathCertificateNo\r\n"
				+ "CREMATION,HZ2026000123," + "李大山," + id + ",2026-11-28 09:00,太原市殡仪馆," + id + "\r\n";
		DropFolder funeralHome = new DropFolder("TYFH");
		funeralHome.drop("cremations.csv", csv.getBytes(gbk));
		assertThat(funeralHome.receiptText("cremations.csv", gbk))
			.isEqualTo(RECEIPT_HEADER + "2,HZ2026000123,ACCEPTED,,,\r\n");
		assertThat(this.jdbc
			.sql("select deceased_id_number from certificate where kind = 'CREMATION' and"
					+ " certificate_no = 'HZ2026000123'")
			.query(String.class)
			.single()).isEqualTo(id);
	}

}
