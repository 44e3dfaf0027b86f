package cn.shanxi.lianban.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The element tree an XML mapping describes, built from its fields' paths
 * ({@code Head/MsgId}, {@code Body/Driver/@sfzmhm}, {@code @version}), in the order the
 * fields first name each element.
 */
final class XmlTree {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

	/** An element: its attributes, and either its text field or its child elements. */
	static final class Element {

		final String name;

		final Map<String, CompiledField> attributes = new LinkedHashMap<>();

		final Map<String, Element> children = new LinkedHashMap<>();

		CompiledField text;

		Element(String name) {
			this.name = name;
		}

	}

	private XmlTree() {
	}

	/**
	 * @throws IllegalArgumentException when a path is not a valid name or an element
	 * would have both text and children
	 */
	static Element build(String root, List<CompiledField> fields) {
		if (root == null || !NAME.matcher(root).matches()) {
			throw new IllegalArgumentException("xml.root: '" + root + "' is not an XML element name");
		}
		Element top = new Element(root);
		for (CompiledField f : fields) {
			List<String> steps = new ArrayList<>(List.of(f.name().split("/", -1)));
			String last = steps.remove(steps.size() - 1);
			Element at = top;
			for (String step : steps) {
				check(step, f);
				at = at.children.computeIfAbsent(step, Element::new);
			}
			if (last.startsWith("@")) {
				check(last.substring(1), f);
				at.attributes.put(last.substring(1), f);
				continue;
			}
			check(last, f);
			Element leaf = at.children.computeIfAbsent(last, Element::new);
			if (leaf.text != null) {
				throw new IllegalArgumentException("'" + f.name() + "': element named twice");
			}
			leaf.text = f;
		}
		checkMixed(top);
		return top;
	}

	private static void check(String step, CompiledField f) {
		if (!NAME.matcher(step).matches()) {
			throw new IllegalArgumentException(
					"'" + f.name() + "': '" + step + "' is not an XML name (paths look like Head/MsgId or Body/@type)");
		}
	}

	private static void checkMixed(Element e) {
		for (Element child : e.children.values()) {
			if (child.text != null && !child.children.isEmpty()) {
				throw new IllegalArgumentException("'" + child.text.name() + "' has both a value and child elements");
			}
			checkMixed(child);
		}
	}

}
