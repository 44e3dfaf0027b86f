package cn.shanxi.lianban.mapping;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an XML message against the mapping's element tree: elements in the mapping's
 * namespace only, no element or attribute it does not name, none twice. An agency's XML
 * is untrusted, so no DTD and no external entities.
 */
final class XmlReading {

	private final XmlTree.Element root;

	private final String namespace;

	private final List<LineError> errors;

	private final Map<CompiledField, String> texts = new LinkedHashMap<>();

	private final Set<XmlTree.Element> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

	XmlReading(XmlTree.Element root, String namespace, List<LineError> errors) {
		this.root = root;
		this.namespace = namespace;
		this.errors = errors;
	}

	static XMLInputFactory secureFactory() {
		XMLInputFactory f = XMLInputFactory.newDefaultFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		f.setProperty(XMLInputFactory.IS_COALESCING, true);
		return f;
	}

	XmlReading read(XMLStreamReader r) throws XMLStreamException {
		Deque<XmlTree.Element> open = new ArrayDeque<>();
		boolean rootSeen = false;
		while (r.hasNext()) {
			int event = r.next();
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> {
					XmlTree.Element parent = open.peek();
					XmlTree.Element e = (parent == null) ? (rootSeen ? null : this.root)
							: parent.children.get(r.getLocalName());
					rootSeen = true;
					if (e == null || !e.name.equals(r.getLocalName())) {
						error(null, "UNEXPECTED", "多余的元素 <" + r.getLocalName() + ">",
								"unexpected element <" + r.getLocalName() + ">");
						skip(r);
						continue;
					}
					if (!Objects.equals(emptyToNull(r.getNamespaceURI()), this.namespace)) {
						error(null, "WRONG_NAMESPACE", "元素 <" + e.name + "> 的命名空间应为 " + this.namespace,
								"element <" + e.name + "> should be in namespace " + this.namespace);
					}
					if (!this.seen.add(e)) {
						error(null, "UNEXPECTED", "元素 <" + e.name + "> 重复", "element <" + e.name + "> appears twice");
					}
					attributes(r, e);
					if (e.text != null) {
						this.texts.put(e.text, r.getElementText());
					}
					else {
						open.push(e);
					}
				}
				case XMLStreamConstants.END_ELEMENT -> open.pop();
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
					if (!r.isWhiteSpace() && !r.getText().isBlank()) {
						error(null, "UNEXPECTED", "多余的文本", "unexpected text");
					}
				}
				case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
					error(null, "UNEXPECTED", "不接受 DTD 或实体", "no DTD or entity is accepted");
				default -> {
				}
			}
		}
		if (!rootSeen) {
			error(null, "MALFORMED", "缺少根元素 <" + this.root.name + ">",
					"the root element <" + this.root.name + "> is missing");
		}
		return this;
	}

	private void attributes(XMLStreamReader r, XmlTree.Element e) {
		for (int i = 0; i < r.getAttributeCount(); i++) {
			String name = r.getAttributeLocalName(i);
			CompiledField f = e.attributes.get(name);
			if (f == null || emptyToNull(r.getAttributeNamespace(i)) != null) {
				error(null, "UNEXPECTED", "元素 <" + e.name + "> 有多余的属性 " + name,
						"element <" + e.name + "> has an unexpected attribute " + name);
				continue;
			}
			this.texts.put(f, r.getAttributeValue(i));
		}
	}

	private static void skip(XMLStreamReader r) throws XMLStreamException {
		int depth = 1;
		while (depth > 0 && r.hasNext()) {
			int event = r.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/** The values found, converted and placed at their paths. */
	ObjectNode record(List<CompiledField> fields) {
		ObjectNode record = Records.object();
		for (CompiledField f : fields) {
			String text = this.texts.get(f);
			try {
				if (text == null || text.isEmpty()) {
					if (f.required()) {
						throw new MappingException(MappingException.MISSING_VALUE, "缺少必填值",
								"a required value is missing");
					}
					continue;
				}
				Records.putBack(record, f, Records.readCanonical(f, text));
			}
			catch (MappingException ex) {
				this.errors.add(LineError.of(1, ex.at(null, f.name(), -1)));
			}
		}
		return record;
	}

	private void error(String field, String code, String zh, String en) {
		this.errors.add(new LineError(1, field, code, zh, en));
	}

	private static String emptyToNull(String s) {
		return (s == null || s.isEmpty()) ? null : s;
	}

}
