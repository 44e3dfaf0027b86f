package cn.shanxi.lianban.mapping;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import cn.shanxi.lianban.support.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The named functions an expression may call. Each takes and gives plain values; none can
 * reach outside the context.
 */
enum Function {

	/** {@code mask(x)}: 1401**********0018, for fields that must not carry the number. */
	MASK(1, 1) {
		@Override
		JsonNode apply(List<Expression> args, EvaluationContext ctx) {
			String s = text(args.get(0), ctx);
			return (s != null) ? TextNode.valueOf(Masking.mask(s)) : null;
		}
	},

	/** {@code upper(x)}. */
	UPPER(1, 1) {
		@Override
		JsonNode apply(List<Expression> args, EvaluationContext ctx) {
			String s = text(args.get(0), ctx);
			return (s != null) ? TextNode.valueOf(s.toUpperCase(Locale.ROOT)) : null;
		}
	},

	/** {@code lower(x)}. */
	LOWER(1, 1) {
		@Override
		JsonNode apply(List<Expression> args, EvaluationContext ctx) {
			String s = text(args.get(0), ctx);
			return (s != null) ? TextNode.valueOf(s.toLowerCase(Locale.ROOT)) : null;
		}
	},

	/**
	 * {@code trim(x)}: also the full-width space U+3000 that Chinese input methods type.
	 */
	TRIM(1, 1) {
		@Override
		JsonNode apply(List<Expression> args, EvaluationContext ctx) {
			String s = text(args.get(0), ctx);
			return (s != null) ? TextNode.valueOf(s.strip()) : null;
		}
	},

	/**
	 * {@code substring(x, begin)} or {@code substring(x, begin, end)}, counted in
	 * characters (code points), clamped to the value.
	 */
	SUBSTRING(2, 3) {
		@Override
		JsonNode apply(List<Expression> args, EvaluationContext ctx) {
			String s = text(args.get(0), ctx);
			if (s == null) {
				return null;
			}
			int length = s.codePointCount(0, s.length());
			int begin = Math.min(Math.max(number(args.get(1), ctx), 0), length);
			int end = (args.size() > 2) ? Math.min(Math.max(number(args.get(2), ctx), begin), length) : length;
			return TextNode.valueOf(s.substring(s.offsetByCodePoints(0, begin), s.offsetByCodePoints(0, end)));
		}
	},

	/** {@code coalesce(a, b, ...)}: the first value that is present and not empty. */
	COALESCE(1, 9) {
		@Override
		JsonNode apply(List<Expression> args, EvaluationContext ctx) {
			for (Expression arg : args) {
				JsonNode v = arg.evaluate(ctx);
				if (v != null && !(v.isTextual() && v.textValue().isEmpty())) {
					return v;
				}
			}
			return null;
		}
	},

	/** {@code concat(a, b, ...)}: missing parts count as empty. */
	CONCAT(1, 9) {
		@Override
		JsonNode apply(List<Expression> args, EvaluationContext ctx) {
			StringBuilder out = new StringBuilder();
			for (Expression arg : args) {
				String s = text(arg, ctx);
				out.append((s != null) ? s : "");
			}
			return TextNode.valueOf(out.toString());
		}
	},

	/**
	 * {@code date(x, 'yyyyMMdd')}: a date or time from the context written with a
	 * pattern, in the mapping's time zone. For file names; fields use {@code format:}.
	 */
	DATE(2, 2) {
		@Override
		JsonNode apply(List<Expression> args, EvaluationContext ctx) {
			String s = text(args.get(0), ctx);
			if (s == null) {
				return null;
			}
			DateTimeFormatter pattern = DateTimeFormatter.ofPattern(text(args.get(1), ctx), Locale.ROOT);
			try {
				return TextNode.valueOf(pattern.format(Temporals.read(s, ctx.zone())));
			}
			catch (java.time.DateTimeException ex) {
				throw new MappingException(MappingException.BAD_VALUE, "无法按格式写出日期: " + s,
						"cannot write the date with the pattern: " + s);
			}
		}
	};

	final int minArgs;

	final int maxArgs;

	Function(int minArgs, int maxArgs) {
		this.minArgs = minArgs;
		this.maxArgs = maxArgs;
	}

	abstract JsonNode apply(List<Expression> args, EvaluationContext ctx);

	/**
	 * @return the function called {@code name} in expressions, or {@code null}
	 */
	static Function named(String name) {
		for (Function f : values()) {
			if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
				return f;
			}
		}
		return null;
	}

	private static String text(Expression e, EvaluationContext ctx) {
		JsonNode v = e.evaluate(ctx);
		return (v != null) ? v.asText() : null;
	}

	private static int number(Expression e, EvaluationContext ctx) {
		JsonNode v = e.evaluate(ctx);
		if (v == null || !v.canConvertToInt()) {
			throw new MappingException(MappingException.BAD_VALUE, "需要整数参数", "a whole-number argument is needed");
		}
		return v.asInt();
	}

}
