package cn.shanxi.lianban.mapping;

import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.shanxi.lianban.mapping.GoldenFilesTests.BATCH;
import static cn.shanxi.lianban.mapping.GoldenFilesTests.payment;
import static cn.shanxi.lianban.mapping.MappingTestSupport.ENGINE;
import static cn.shanxi.lianban.mapping.MappingTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A name the agency's charset cannot hold (生僻字 outside GBK) is never silently a
 * {@code ?}: the mapping fails the item, or substitutes and says so.
 */
class UnencodableCharacterTests {

	static final Charset GBK = Charset.forName("GBK");

	@Test
	void theTestNamesAreReallyOutsideGbkAndInsideGb18030() {
		for (String c : List.of("䶮", "𠮷")) {
			assertThat(GBK.newEncoder().canEncode(c)).as(c).isFalse();
			assertThat(Charset.forName("GB18030").newEncoder().canEncode(c)).as(c).isTrue();
		}
		assertThat(GBK.newEncoder().canEncode("□")).isTrue();
	}

	@Test
	void aFieldThatSaysFailFailsTheItemNamingTheCharacter() {
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("test-gbk-payment",
					List.of(payment("P1", "李明", null, "1.00"), payment("P2", "刘䶮", null, "1.00")), BATCH))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(MappingException.UNENCODABLE_CHARACTER);
				assertThat(ex.field()).isEqualTo("NAME");
				assertThat(ex.record()).isEqualTo(1);
				assertThat(ex.messageZh()).isEqualTo("字符 䶮 (U+4DAE) 无法用 GBK 表示,需线下办理");
				assertThat(ex.messageEn())
					.isEqualTo("the character 䶮 (U+4DAE) cannot be written in GBK; the item needs the window");
				assertThat(ex.toFieldError().code()).isEqualTo("UNENCODABLE_CHARACTER");
			});
	}

	@Test
	void aFieldThatSaysSubstituteWritesTheSubstituteAndReportsEverySubstitution() {
		Rendered rendered = ENGINE.render("civil-affairs-benefit-stop",
				List.of(context("DIBAO_STOP", "CIVIL_AFFAIRS"), context("TEKUN_STOP", "CIVIL_AFFAIRS", "刘䶮𠮷")), BATCH);
		assertThat(rendered.substitutions()).containsExactly(new Substitution(1, "姓名", "䶮", "U+4DAE", "□"),
				new Substitution(1, "姓名", "𠮷", "U+20BB7", "□"));
		assertThat(rendered.text()).contains(",刘□□,").doesNotContain("?");
	}

	@Test
	void aCharacterOutsideGbkInAFieldWithoutASubstituteFailsEvenInASubstitutingMapping() {
		var ctx = context("DIBAO_STOP", "CIVIL_AFFAIRS");
		((com.fasterxml.jackson.databind.node.ObjectNode) ctx.get("case").get("applicant")).put("phone", "䶮");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> ENGINE.render("civil-affairs-benefit-stop", List.of(ctx), BATCH))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("申请人电话"));
	}

}
