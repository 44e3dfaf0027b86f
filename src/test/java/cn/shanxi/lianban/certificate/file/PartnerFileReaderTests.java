package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.shanxi.lianban.certificate.RawRecord;
import cn.shanxi.lianban.partner.PartnerKind;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerFileReaderTests {

	static final Partner GBK_CSV = new Partner("TYFH", "太原市殡仪馆", PartnerKind.FUNERAL_HOME, "140100",
			Set.of("CREMATION"), null, null, Charset.forName("GBK"), "CSV");

	static final Partner UTF8_JSON = new Partner("TYPSB", "太原市公安局", PartnerKind.POLICE, "140100",
			Set.of("DEATH_NON_NORMAL"), null, null, StandardCharsets.UTF_8, "JSON");

	@TempDir
	Path dir;

	List<RawRecord> read(String name, byte[] content, Partner partner) throws Exception {
		Path file = Files.write(this.dir.resolve(name), content);
		PartnerFileReader.checkAndHash(file, partner.fileCharset());
		List<RawRecord> records = new ArrayList<>();
		try (PartnerFileReader.Records r = PartnerFileReader.read(file, partner)) {
			r.iterator().forEachRemaining(records::add);
		}
		return records;
	}

	@Test
	void aCsvRowThatDoesNotFitTheHeaderIsRefusedAloneAndBlankCellsAreLeftOut() throws Exception {
		String csv = "kind,certificateNo,deceased.name\r\nCREMATION,A1,李大山\r\nCREMATION,A2,王,extra,cells\r\n"
				+ "CREMATION,A3,\r\n";
		List<RawRecord> records = read("c.csv", csv.getBytes(GBK_CSV.fileCharset()), GBK_CSV);
		assertThat(records).extracting(RawRecord::lineNo).containsExactly(2, 3, 4);
		assertThat(records.get(0).fields()).containsEntry("deceased.name", "李大山");
		assertThat(records.get(1).readErrors()).extracting((r) -> r.code()).containsExactly("csv.row");
		assertThat(records.get(2).fields()).containsOnlyKeys("kind", "certificateNo");
	}

	@Test
	void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
		Partner utf8Csv = new Partner("X", "x", PartnerKind.HOSPITAL, "140105", Set.of(), null, null,
				StandardCharsets.UTF_8, "CSV");
		byte[] csv = "\uFEFFkind,certificateNo\r\nDEATH_MEDICAL,1\r\n".getBytes(StandardCharsets.UTF_8);
		assertThat(read("bom.csv", csv, utf8Csv).get(0).fields()).containsKey("kind");
	}

	@Test
	void jsonMayBeOneRecordAnArrayOrARecordsList() throws Exception {
		assertThat(
				read("one.json", "{\"kind\":\"DEATH_NON_NORMAL\",\"deceased\":{\"name\":\"李\"}}".getBytes(), UTF8_JSON))
			.singleElement()
			.satisfies((r) -> assertThat(r.fields()).containsEntry("deceased.name", "李"));
		assertThat(read("array.json", "[{\"kind\":\"A\"},{\"kind\":\"B\"}]".getBytes(), UTF8_JSON)).hasSize(2);
		assertThat(read("list.json", "{\"records\":[{\"kind\":\"A\"}]}".getBytes(), UTF8_JSON)).hasSize(1);
	}

	@Test
	void brokenJsonAnEmptyCsvAndTheWrongCharsetCannotBeRead() throws Exception {
		assertThatThrownBy(() -> read("broken.json", "{\"records\":[{".getBytes(), UTF8_JSON))
			.isInstanceOf(UnreadableFileException.class);
		assertThatThrownBy(() -> read("empty.csv", new byte[0], GBK_CSV)).isInstanceOf(UnreadableFileException.class);
		assertThatThrownBy(() -> read("utf8.json", "{\"kind\":\"李\"}".getBytes(Charset.forName("GB18030")), UTF8_JSON))
			.isInstanceOf(UnreadableFileException.class)
			.hasMessageContaining("charset");
	}

	@Test
	void xmlWithADoctypeIsRefused() throws Exception {
		Partner xml = new Partner("XDHC", "x", PartnerKind.HEALTH_CENTRE, "140105", Set.of(), null, null,
				StandardCharsets.UTF_8, "XML");
		String evil = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<certificates><certificate><kind>&x;</kind></certificate></certificates>";
		assertThatThrownBy(() -> read("evil.xml", evil.getBytes(), xml)).isInstanceOf(UnreadableFileException.class);
	}

}
