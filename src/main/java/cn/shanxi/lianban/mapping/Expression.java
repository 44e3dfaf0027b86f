package cn.shanxi.lianban.mapping;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A field's source: a dotted path into the context, a literal, or a call of one of a few
 * named functions. Deliberately small: no scripting engine, no reflection — an expression
 * can only read the context it is given.
 */
sealed interface Expression permits Expression.Path, Expression.Literal, Expression.Call {

	/** The roots of the context a path may start from. */
	Set<String> ROOTS = Set.of("case", "certificate", "item", "message", "batch", "reply");

	/**
	 * @return the value, or {@code null} when the context has none
	 */
	JsonNode evaluate(EvaluationContext context);

	/**
	 * @return the dotted path a parsed value is written back to, or {@code null} when the
	 * expression cannot be inverted
	 */
	default String writableBackPath() {
		return null;
	}

	/** {@code case.deceased.name}: walks objects; a missing step gives {@code null}. */
	record Path(String text, List<String> segments) implements Expression {

		@Override
		public JsonNode evaluate(EvaluationContext context) {
			JsonNode node = context.root(this.segments.get(0));
			for (int i = 1; i < this.segments.size() && node != null; i++) {
				node = node.get(this.segments.get(i));
			}
			return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
		}

		@Override
		public String writableBackPath() {
			return this.text;
		}

		String root() {
			return this.segments.get(0);
		}

	}

	/** {@code 'text'} or a whole number, as a function argument. */
	record Literal(JsonNode value) implements Expression {

		@Override
		public JsonNode evaluate(EvaluationContext context) {
			return this.value;
		}

	}

	/** {@code mask(case.applicant.phone)}. */
	record Call(Function function, List<Expression> arguments) implements Expression {

		@Override
		public JsonNode evaluate(EvaluationContext context) {
			return this.function.apply(this.arguments, context);
		}

	}

}
