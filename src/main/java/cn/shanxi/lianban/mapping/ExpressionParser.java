package cn.shanxi.lianban.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads the small expression language of mapping files:
 *
 * <pre>
 * expr := path | call | 'text' | digits
 * path := root ('.' name)*            root: case certificate item message batch reply
 * call := function '(' expr (',' expr)* ')'
 * </pre>
 *
 * A mistake is an {@link IllegalArgumentException} saying where, so the catalogue can
 * name the file and the field.
 */
final class ExpressionParser {

	private final String text;

	private int pos;

	private ExpressionParser(String text) {
		this.text = text;
	}

	static Expression parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("empty expression");
		}
		ExpressionParser parser = new ExpressionParser(text);
		Expression e = parser.expression();
		parser.skipSpaces();
		if (parser.pos != text.length()) {
			throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
		}
		return e;
	}

	private Expression expression() {
		skipSpaces();
		if (this.pos >= this.text.length()) {
			throw error("expression expected");
		}
		char c = this.text.charAt(this.pos);
		if (c == '\'') {
			return new Expression.Literal(TextNode.valueOf(string()));
		}
		if (Character.isDigit(c)) {
			int start = this.pos;
			while (this.pos < this.text.length() && Character.isDigit(this.text.charAt(this.pos))) {
				this.pos++;
			}
			return new Expression.Literal(IntNode.valueOf(Integer.parseInt(this.text.substring(start, this.pos))));
		}
		int start = this.pos;
		String name = name();
		skipSpaces();
		if (this.pos < this.text.length() && this.text.charAt(this.pos) == '(') {
			return call(name, start);
		}
		List<String> segments = new ArrayList<>();
		segments.add(name);
		while (this.pos < this.text.length() && this.text.charAt(this.pos) == '.') {
			this.pos++;
			segments.add(name());
		}
		if (!Expression.ROOTS.contains(name)) {
			throw new IllegalArgumentException("'" + this.text + "': a path starts with one of "
					+ String.join(", ", Expression.ROOTS.stream().sorted().toList()) + ", not '" + name + "'");
		}
		return new Expression.Path(this.text.substring(start, this.pos).strip(), List.copyOf(segments));
	}

	private Expression call(String name, int start) {
		Function function = Function.named(name);
		if (function == null) {
			throw new IllegalArgumentException("'" + this.text + "': unknown function '" + name
					+ "' (known: mask, upper, lower, trim, substring, coalesce, concat, date)");
		}
		this.pos++;
		List<Expression> args = new ArrayList<>();
		skipSpaces();
		if (this.pos < this.text.length() && this.text.charAt(this.pos) == ')') {
			this.pos++;
		}
		else {
			while (true) {
				args.add(expression());
				skipSpaces();
				if (this.pos >= this.text.length()) {
					throw error("')' expected");
				}
				char c = this.text.charAt(this.pos++);
				if (c == ')') {
					break;
				}
				if (c != ',') {
					throw error("',' or ')' expected");
				}
			}
		}
		if (args.size() < function.minArgs || args.size() > function.maxArgs) {
			throw new IllegalArgumentException("'"
					+ this.text + "': " + name + " takes " + ((function.minArgs == function.maxArgs)
							? String.valueOf(function.minArgs) : function.minArgs + " to " + function.maxArgs)
					+ " arguments, not " + args.size());
		}
		if (function == Function.DATE && !(args.get(1) instanceof Expression.Literal)) {
			throw new IllegalArgumentException("'" + this.text + "': date's pattern must be a 'literal'");
		}
		if (function == Function.DATE) {
			try {
				java.time.format.DateTimeFormatter.ofPattern(((Expression.Literal) args.get(1)).value().asText());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("'" + this.text + "': bad date pattern: " + ex.getMessage());
			}
		}
		return new Expression.Call(function, List.copyOf(args));
	}

	private String name() {
		int start = this.pos;
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
					|| (this.pos > start && c >= '0' && c <= '9');
			if (!ok) {
				break;
			}
			this.pos++;
		}
		if (start == this.pos) {
			throw error("name expected");
		}
		return this.text.substring(start, this.pos);
	}

	private String string() {
		StringBuilder out = new StringBuilder();
		this.pos++;
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos++);
			if (c == '\'') {
				if (this.pos < this.text.length() && this.text.charAt(this.pos) == '\'') {
					out.append('\'');
					this.pos++;
					continue;
				}
				return out.toString();
			}
			out.append(c);
		}
		throw error("unterminated 'string'");
	}

	private void skipSpaces() {
		while (this.pos < this.text.length() && this.text.charAt(this.pos) == ' ') {
			this.pos++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("'" + this.text + "' at " + (this.pos + 1) + ": " + what);
	}

}
