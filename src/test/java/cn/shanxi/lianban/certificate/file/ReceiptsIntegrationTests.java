package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.certificate.TestRecords;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Receipts (回执) that a partner's program or a spreadsheet reads without misreading: six
 * cells a line, no formulas, the line where the record starts.
 */
// the context every web test shares: another one would be another hub polling and
// relaying
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReceiptsIntegrationTests {

	static final Charset GBK = Charset.forName("GBK");

	static final Charset GB18030 = Charset.forName("GB18030");

	final DropFolder funeralHome = new DropFolder("TYFH");

	final DropFolder hospital = new DropFolder("SXPH");

	static List<List<String>> cells(byte[] receipt, Charset charset) throws IOException {
		try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
			.readerForListOf(String.class)
			.readValues(new String(receipt, charset))) {
			return rows.readAll();
		}
	}

	@Test
	void aReceiptLineHasItsSixCellsEvenWhenTheRecordHasNoCertificateNumber() throws IOException {
		String csv = "kind,certificateNo,deceased.name\r\nCREMATION,,李大山\r\nCREMATION,HZ1,王五\r\n";
		this.funeralHome.drop("no-number.csv", csv.getBytes(GBK));
		List<List<String>> rows = cells(this.funeralHome.awaitReceipt("no-number.csv"), GBK);
		assertThat(rows).hasSize(3).allSatisfy((row) -> assertThat(row).hasSize(6));
		assertThat(rows.get(1).subList(0, 3)).containsExactly("2", "", "REJECTED");
		assertThat(rows.get(1).get(3)).isNotEmpty();
		assertThat(rows.get(2).subList(0, 3)).containsExactly("3", "HZ1", "REJECTED");
	}

	@Test
	void aCellASpreadsheetWouldRunAsAFormulaIsNeutralisedInTheReceipt() throws IOException {
		String csv = "kind,certificateNo,deceased.name\r\nCREMATION,=1+1,李\r\nCREMATION,+1,李\r\nCREMATION,-1,李\r\n"
				+ "CREMATION,@SUM(A1),李\r\n";
		this.funeralHome.drop("formulas.csv", csv.getBytes(GBK));
		List<List<String>> rows = cells(this.funeralHome.awaitReceipt("formulas.csv"), GBK);
		assertThat(rows.subList(1, 5)).extracting((row) -> row.get(1))
			.containsExactly("'=1+1", "'+1", "'-1", "'@SUM(A1)");
		assertThat(rows).allSatisfy((row) -> assertThat(row)
			.allSatisfy((cell) -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")));
	}

	@Test
	void theLineNumberIsTheRecordsFirstLineInTheFileEvenAfterAMillionBlankLines() throws IOException {
		String id = TestRecords.idNumber("140105");
		byte[] record = new DeathCsv().add(id, "李大山", "I21.9").bytes(GB18030);
		int header = DropboxUploadIntegrationTests.startOfLine(record, 2);
		Path inbox = Files.createDirectories(this.hospital.home.resolve("inbox"));
		Path part = inbox.resolve("blank-lines.csv.part");
		try (OutputStream out = Files.newOutputStream(part)) {
			out.write(record, 0, header);
			byte[] blanks = "\r\n".repeat(10_000).getBytes(GB18030);
			for (int i = 0; i < 100; i++) {
				out.write(blanks);
			}
			out.write(record, header, record.length - header);
		}
		Files.move(part, inbox.resolve("blank-lines.csv"), StandardCopyOption.ATOMIC_MOVE);
		List<List<String>> rows = cells(this.hospital.awaitReceipt("blank-lines.csv"), GB18030);
		assertThat(rows.get(1).subList(0, 3)).containsExactly("1000002", id, "ACCEPTED");
	}

	@Test
	void aHeaderNamingAColumnTwiceSendsTheFileToErrorWithTheReason() throws IOException {
		String csv = "kind,certificateNo,deceased.name,certificateNo\r\nCREMATION,HZ1,李大山,HZ2\r\n";
		this.funeralHome.drop("twice.csv", csv.getBytes(GBK));
		Path error = this.funeralHome.home.resolve("error");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(error.resolve("twice.csv.reason")) && Files.exists(error.resolve("twice.csv")));
		assertThat(new String(Files.readAllBytes(error.resolve("twice.csv.reason")), GBK)).contains("certificateNo")
			.contains("两次")
			.contains("twice");
		assertThat(this.funeralHome.receipt("twice.csv")).doesNotExist();
	}

}
