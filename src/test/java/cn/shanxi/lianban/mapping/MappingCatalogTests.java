package cn.shanxi.lianban.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MappingCatalogTests {

	@TempDir
	Path dir;

	@Test
	void everyMappingFileInTheFolderLoadsAndChecks() throws IOException {
		MappingCatalog catalog = MappingCatalog.load(List.of(MappingTestSupport.MAPPINGS));
		long files;
		try (var list = Files.list(MappingTestSupport.MAPPINGS)) {
			files = list.filter((p) -> p.toString().endsWith(".mapping.yaml")).count();
		}
		assertThat(catalog.ids()).hasSize((int) files)
			.contains("police-hukou-cancellation", "police-hukou-result", "police-traffic-licence-cancellation",
					"police-traffic-reply", "civil-affairs-benefit-stop", "civil-affairs-result", "hrss-request",
					"hrss-reply", "medical-insurance-request", "medical-insurance-ack", "medical-insurance-reply",
					"housing-fund-withdrawal", "housing-fund-status", "health-death-certificate-request");
		assertThat(catalog.find("police-hukou-cancellation")).hasValueSatisfying((m) -> {
			assertThat(m.format()).isEqualTo(Format.FIXED_WIDTH);
			assertThat(m.contentType()).isEqualTo("text/plain; charset=GB18030");
			assertThat(m.agency()).isEqualTo("POLICE_HUKOU");
		});
		assertThat(catalog.codeTable("region").orElseThrow().code("140105")).isEqualTo("小店区");
	}

	@Test
	void aTypoInAKeyFailsNamingFileFieldAndLine() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - name: XM
				    title: 姓名 / Name
				    type: STRING
				    widht: 30
				    source: case.deceased.name
				"""));
		assertProblem("x.mapping.yaml: fields[0].widht (line 13): unknown key 'widht'");
	}

	@Test
	void aFixedWidthFieldWithoutAWidthFails() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - name: XM
				    title: 姓名 / Name
				    type: STRING
				    source: case.deceased.name
				    example: 李大山
				"""));
		assertProblem("x.mapping.yaml: fields[0] (XM): width: required for FIXED_WIDTH (in bytes of GB18030)");
	}

	@Test
	void anUnknownCodeTableFails() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - name: XB
				    title: 性别 / Sex
				    type: STRING
				    width: 1
				    source: certificate.deceased.sex
				    code: gender
				"""));
		assertProblem("x.mapping.yaml: fields[0] (XB): code: unknown code table 'gender'");
	}

	@Test
	void aCharsetOutsideTheAgenciesOnesFails() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - name: XM
				    title: 姓名 / Name
				    type: STRING
				    width: 30
				    source: case.deceased.name
				""").replace("charset: GB18030", "charset: BIG5"));
		assertProblem("x.mapping.yaml: charset: 'BIG5' is not one of GB18030, GBK, UTF-8");
	}

	@Test
	void aBadExpressionFailsSayingWhy() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - name: XM
				    title: 姓名 / Name
				    type: STRING
				    width: 30
				    source: upper(kase.deceased.name)
				  - name: SJ
				    title: 手机 / Phone
				    type: STRING
				    width: 20
				    source: maskk(case.applicant.phone)
				"""));
		assertProblem("x.mapping.yaml: fields[0] (XM): source: 'upper(kase.deceased.name)': a path starts with one of");
		assertProblem(
				"x.mapping.yaml: fields[1] (SJ): source: 'maskk(case.applicant.phone)': unknown function 'maskk'");
	}

	@Test
	void aSourcedFieldWithoutAnExampleFails() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - { name: XM, title: 姓名 / Name, type: STRING, width: 30, source: case.deceased.name }
				"""));
		assertProblem("x.mapping.yaml: fields[0] (XM): example: required");
	}

	@Test
	void aCodeWrittenAsABareNumberFailsBecauseYamlWouldDropItsLeadingZero() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - name: ZXYY
				    title: 注销原因 / Reason
				    type: STRING
				    width: 2
				    constant: 01
				"""));
		assertProblem("x.mapping.yaml: fields[0].constant (line 12): write it in quotes");
	}

	@Test
	void anExampleThatBreaksItsOwnFieldFails() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - name: GMSFHM
				    title: 公民身份号码 / ID number
				    type: STRING
				    width: 18
				    source: case.deceased.idNumber
				    pattern: "[0-9]{17}[0-9X]"
				    example: "14010519500101001"
				"""));
		assertProblem(
				"x.mapping.yaml: fields[0] (GMSFHM): constant, example or default: '1401*********1001' does not match");
	}

	@Test
	void aHeaderReadsOnlyTheBatchAndATotalNeedsItsField() throws IOException {
		write("x.mapping.yaml", mapping("""
				  - name: XM
				    title: 姓名 / Name
				    type: STRING
				    width: 30
				    source: case.deceased.name
				    example: 李大山
				header:
				  - { name: N, title: 姓名 / Name, type: STRING, width: 30, source: case.deceased.name, example: 李大山 }
				  - { name: T, title: 合计 / Total, type: DECIMAL, width: 12, source: batch.totals.JE, example: "1" }
				"""));
		assertProblem("x.mapping.yaml: header or trailer field N: reads only batch.*, not case.deceased.name");
		assertProblem(
				"x.mapping.yaml: header or trailer field T: batch.totals.JE needs a body field of that name with total: true");
	}

	@Test
	void everyProblemOfEveryFileIsToldAtOnce() throws IOException {
		write("a.mapping.yaml", mapping("""
				  - { name: XM, title: 姓名 / Name, type: STRING, source: case.deceased.name, example: 李大山 }
				"""));
		write("b.mapping.yaml", "id: b\ntitle: B\nformat: CSV\ncharset: GBK\nfields: []\n");
		write("c.yml", "id: c\n");
		assertThatExceptionOfType(MappingDefinitionException.class)
			.isThrownBy(() -> MappingCatalog.load(List.of(this.dir)))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(3));
	}

	@Test
	void aDuplicatedCodeInATableFails() throws IOException {
		Files.createDirectories(this.dir.resolve("codes"));
		write("codes/yn.yaml", """
				id: yn
				title: 是否 / Yes-no
				entries:
				  - { value: "true", code: "1", label: 是 / yes }
				  - { value: "false", code: "1", label: 否 / no }
				""");
		assertProblem("codes/yn.yaml: entries[1]: code '1' is listed twice");
	}

	private String mapping(String fields) {
		return """
				id: x
				title: 测试 / Test
				format: FIXED_WIDTH
				charset: GB18030
				fixedWidth:
				  recordSeparator: CRLF
				fields:
				""" + fields;
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.dir.resolve(name), content);
	}

	private void assertProblem(String expected) {
		assertThatExceptionOfType(MappingDefinitionException.class)
			.isThrownBy(() -> MappingCatalog.load(List.of(this.dir)))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy(
					(p) -> assertThat(p).startsWith(this.dir.resolve(expected.substring(0, expected.indexOf(':')))
							+ expected.substring(expected.indexOf(':')))));
	}

}
