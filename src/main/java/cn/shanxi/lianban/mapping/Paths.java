package cn.shanxi.lianban.mapping;

import java.util.ArrayList;
import java.util.List;

/** The context paths an expression reads, for checks at load time. */
final class Paths {

	private Paths() {
	}

	static List<String> of(Expression e) {
		List<String> out = new ArrayList<>();
		collect(e, out);
		return out;
	}

	private static void collect(Expression e, List<String> out) {
		if (e instanceof Expression.Path p) {
			out.add(p.text());
		}
		else if (e instanceof Expression.Call c) {
			c.arguments().forEach((a) -> collect(a, out));
		}
	}

}
