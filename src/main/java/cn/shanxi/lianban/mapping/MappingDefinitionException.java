package cn.shanxi.lianban.mapping;

import java.util.List;

/**
 * The mapping files have mistakes: the hub does not start, and the build fails, with
 * every problem listed as {@code file: field: what is wrong}.
 */
public class MappingDefinitionException extends RuntimeException {

	private final List<String> problems;

	public MappingDefinitionException(List<String> problems) {
		super("The mapping files have " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
