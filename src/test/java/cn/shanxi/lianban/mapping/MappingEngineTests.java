package cn.shanxi.lianban.mapping;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static cn.shanxi.lianban.mapping.GoldenFilesTests.BATCH;
import static cn.shanxi.lianban.mapping.MappingTestSupport.ENGINE;
import static cn.shanxi.lianban.mapping.MappingTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The errors a caller records on a work item: specific, placed, in Chinese and English.
 */
class MappingEngineTests {

	@Test
	void aValueTheCodeTableDoesNotListNamesTheTableAndTheValue() {
		ObjectNode ctx = context("HUKOU_CANCELLATION", "POLICE_HUKOU");
		((ObjectNode) ctx.get("case").get("applicant")).put("relation", "COUSIN");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("police-hukou-cancellation", List.of(ctx), BATCH))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(MappingException.UNKNOWN_CODE);
				assertThat(ex.field()).isEqualTo("SQRGX");
				assertThat(ex.messageZh()).isEqualTo("代码表 relation 中没有值 'COUSIN'");
				assertThat(ex.messageEn()).isEqualTo("code table relation has no entry for value 'COUSIN'");
				assertThat(ex.getMessage()).isEqualTo(
						"UNKNOWN_CODE (police-hukou-cancellation record 0 field SQRGX): 代码表 relation 中没有值 'COUSIN' / code table relation has no entry for value 'COUSIN'");
			});
	}

	@Test
	void aMissingRequiredValueNamesTheField() {
		ObjectNode ctx = context("HUKOU_CANCELLATION", "POLICE_HUKOU");
		((ObjectNode) ctx.get("certificate")).remove("death");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("police-hukou-cancellation", List.of(ctx), BATCH))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(MappingException.MISSING_VALUE);
				assertThat(ex.field()).isEqualTo("SWRQ");
			});
	}

	@Test
	void aValueAgainstThePatternIsRefusedWithThePersonalNumberMasked() {
		ObjectNode ctx = context("HUKOU_CANCELLATION", "POLICE_HUKOU");
		((ObjectNode) ctx.get("case").get("deceased")).put("idNumber", "14010519500101001Y");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("police-hukou-cancellation", List.of(ctx), BATCH))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(MappingException.PATTERN_MISMATCH);
				assertThat(ex.getMessage()).contains("1401**********001Y").doesNotContain("14010519500101001Y");
			});
	}

	@Test
	void aDateThatIsNotADateIsRefused() {
		ObjectNode ctx = context("HUKOU_CANCELLATION", "POLICE_HUKOU");
		((ObjectNode) ctx.get("certificate").get("death")).put("time", "27.11.2026");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("police-hukou-cancellation", List.of(ctx), BATCH))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(MappingException.BAD_VALUE));
	}

	@Test
	void aSourceThatIsAnObjectRatherThanAValueIsRefused() {
		ObjectNode ctx = context("PENSION_ACCOUNT_REFUND", "HRSS");
		((ObjectNode) ctx.get("case").get("deceased")).putObject("name").put("xm", "李大山");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> ENGINE.render("hrss-request", ctx))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(MappingException.BAD_VALUE);
				assertThat(ex.field()).isEqualTo("aac003");
			});
	}

	@Test
	void aDeathAtNightUtcIsDatedInBeijingTime() {
		ObjectNode ctx = context("HUKOU_CANCELLATION", "POLICE_HUKOU");
		((ObjectNode) ctx.get("certificate").get("death")).put("time", "2026-11-26T19:40:00Z");
		assertThat(ENGINE.render("police-hukou-cancellation", List.of(ctx), BATCH).text())
			.contains("20261127" + "01" + "140105");
	}

	@Test
	void anUnknownMappingIsAnError() {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> ENGINE.parse("no-such-mapping", new byte[0]))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(MappingException.UNKNOWN_MAPPING));
	}

	@Test
	void aSecondFolderAddsMappingsButCannotRedefineOne() {
		assertThat(MappingTestSupport.CATALOG.ids()).contains("test-gbk-payment", "police-hukou-cancellation");
		assertThatExceptionOfType(MappingDefinitionException.class)
			.isThrownBy(() -> MappingCatalog.load(List.of(MappingTestSupport.MAPPINGS, MappingTestSupport.MAPPINGS)))
			.satisfies((ex) -> assertThat(ex.problems())
				.anySatisfy((p) -> assertThat(p).isEqualTo(Path.of("mappings/codes/agency.yaml")
						+ ": code table 'agency' is already defined in an earlier folder")));
	}

}
