package cn.shanxi.lianban.mapping;

import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static cn.shanxi.lianban.mapping.MappingTestSupport.context;
import static cn.shanxi.lianban.mapping.MappingTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExpressionTests {

	final EvaluationContext ctx = new EvaluationContext(context("HUKOU_CANCELLATION", "POLICE_HUKOU"),
			json("{\"createdAt\": \"2026-11-29T02:16:00Z\", \"fileId\": \"F1\"}"), ZoneId.of("Asia/Shanghai"));

	@Test
	void aPathReadsTheContextAndAMissingStepIsNull() {
		assertThat(eval("case.deceased.name")).isEqualTo("李大山");
		assertThat(eval("certificate.death.regionCode")).isEqualTo("140105");
		assertThat(eval("batch.fileId")).isEqualTo("F1");
		assertThat(ExpressionParser.parse("case.deceased.employerSettlementAccount.number").evaluate(this.ctx))
			.isNull();
		assertThat(ExpressionParser.parse("case.nothing.here").writableBackPath()).isEqualTo("case.nothing.here");
	}

	@Test
	void theFunctionsDoWhatTheirNamesSay() {
		assertThat(eval("mask(case.applicant.phone)")).isEqualTo("138****5678");
		assertThat(eval("upper('abc')")).isEqualTo("ABC");
		assertThat(eval("lower('ABC')")).isEqualTo("abc");
		assertThat(eval("trim('\u3000李明 ')")).isEqualTo("李明");
		assertThat(eval("substring(case.deceased.idNumber, 0, 6)")).isEqualTo("140105");
		assertThat(eval("substring('王𠮷祥', 1, 2)")).isEqualTo("𠮷");
		assertThat(eval("substring('abc', 5)")).isEmpty();
		assertThat(eval("coalesce(case.deceased.employerSettlementAccount, case.deceased.bankAccount.bank)"))
			.isEqualTo("中国建设银行太原分行");
		assertThat(eval("concat('HZZX_', batch.fileId, case.nothing, '.txt')")).isEqualTo("HZZX_F1.txt");
		assertThat(eval("date(batch.createdAt, 'yyyyMMddHHmm')")).isEqualTo("202611291016");
		assertThat(eval("'it''s'")).isEqualTo("it's");
	}

	@Test
	void mistakesAreToldWithWhereAndWhat() {
		assertThatIllegalArgumentException().isThrownBy(() -> ExpressionParser.parse("case.deceased."))
			.withMessage("'case.deceased.' at 15: name expected");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpressionParser.parse("applicant.name"))
			.withMessageContaining("a path starts with one of batch, case, certificate, item, message, reply");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpressionParser.parse("mask(case.a, case.b)"))
			.withMessageContaining("mask takes 1 arguments, not 2");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpressionParser.parse("date(case.a, case.b)"))
			.withMessageContaining("date's pattern must be a 'literal'");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpressionParser.parse("upper('abc'"))
			.withMessageContaining("')' expected");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpressionParser.parse("Runtime.getRuntime()"))
			.withMessageContaining("not 'Runtime'");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpressionParser.parse("exec('rm')"))
			.withMessageContaining("unknown function 'exec'");
	}

	private String eval(String expression) {
		JsonNode v = ExpressionParser.parse(expression).evaluate(this.ctx);
		return (v != null) ? v.asText() : null;
	}

}
