package cn.shanxi.lianban.mapping;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One XML document per message, written with the JDK's own StAX writer (not whichever
 * implementation is on the class path) so the bytes are the same everywhere: declaration,
 * namespace, indentation and line separator as the mapping declares.
 */
final class XmlCodec implements Codec {

	// StAX does not promise that a factory is thread-safe; one per thread is cheap
	private static final ThreadLocal<XMLOutputFactory> OUTPUT = ThreadLocal
		.withInitial(XMLOutputFactory::newDefaultFactory);

	private static final ThreadLocal<XMLInputFactory> INPUT = ThreadLocal.withInitial(XmlReading::secureFactory);

	private final CompiledMapping mapping;

	private final XmlTree.Element root;

	private final String prefix;

	private final String namespace;

	private final String newline;

	private final String indent;

	XmlCodec(CompiledMapping mapping) {
		this.mapping = mapping;
		List<CompiledField> all = new ArrayList<>(mapping.header());
		all.addAll(mapping.fields());
		this.root = XmlTree.build(mapping.xml().root(), all);
		this.namespace = mapping.xml().namespace();
		this.prefix = (mapping.xml().prefix() != null) ? mapping.xml().prefix() : "";
		int spaces = mapping.xml().indent();
		this.newline = (spaces > 0) ? mapping.xml().lineSeparator().text : "";
		this.indent = " ".repeat(spaces);
		if (!this.prefix.isEmpty() && this.namespace == null) {
			throw new IllegalArgumentException("xml.prefix: a prefix needs a namespace");
		}
	}

	@Override
	public Rendered render(List<? extends JsonNode> records, JsonNode batchContext) {
		if (records.size() != 1) {
			throw new MappingException(MappingException.ONE_RECORD_PER_DOCUMENT, "XML 报文一次只能生成一条记录",
					"an XML message holds exactly one record, " + records.size() + " given")
				.at(this.mapping.id(), null, -1);
		}
		List<Substitution> substitutions = new ArrayList<>();
		CharsetFitter fitter = new CharsetFitter(this.mapping.charset(), true);
		ObjectNode batch = Records.batch(batchContext, 1);
		EvaluationContext ctx = new EvaluationContext(records.get(0), batch, this.mapping.zone());
		StringWriter out = new StringWriter(1024);
		if (this.mapping.xml().declaration()) {
			out.write("<?xml version=\"1.0\" encoding=\"" + this.mapping.charset().name() + "\"?>");
			out.write(this.newline);
		}
		try {
			XMLStreamWriter w = OUTPUT.get().createXMLStreamWriter(out);
			element(w, this.root, 0, ctx, fitter, substitutions);
			w.flush();
			w.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("XML writing failed", ex);
		}
		out.write(this.newline);
		return new Rendered(this.mapping.id(), Format.XML, fitter.encode(out.toString()), List.of(),
				this.mapping.contentType(), this.mapping.charset(), Records.fileName(this.mapping, batch),
				List.copyOf(substitutions));
	}

	private void element(XMLStreamWriter w, XmlTree.Element e, int depth, EvaluationContext ctx, CharsetFitter fitter,
			List<Substitution> subs) throws XMLStreamException {
		if (depth > 0) {
			w.writeCharacters(this.newline + this.indent.repeat(depth));
		}
		String text = (e.text != null) ? value(e.text, ctx, fitter, subs) : null;
		boolean empty = e.children.isEmpty() && text == null;
		if (empty) {
			startEmpty(w, e.name);
		}
		else {
			start(w, e.name);
		}
		if (depth == 0 && this.namespace != null) {
			if (this.prefix.isEmpty()) {
				w.writeDefaultNamespace(this.namespace);
			}
			else {
				w.writeNamespace(this.prefix, this.namespace);
			}
		}
		for (var a : e.attributes.entrySet()) {
			String v = value(a.getValue(), ctx, fitter, subs);
			if (v != null) {
				w.writeAttribute(a.getKey(), v);
			}
		}
		if (empty) {
			return;
		}
		if (text != null) {
			w.writeCharacters(text);
		}
		for (XmlTree.Element child : e.children.values()) {
			element(w, child, depth + 1, ctx, fitter, subs);
		}
		if (!e.children.isEmpty()) {
			w.writeCharacters(this.newline + this.indent.repeat(depth));
		}
		w.writeEndElement();
	}

	private void start(XMLStreamWriter w, String name) throws XMLStreamException {
		if (this.namespace != null) {
			w.writeStartElement(this.prefix, name, this.namespace);
		}
		else {
			w.writeStartElement(name);
		}
	}

	private void startEmpty(XMLStreamWriter w, String name) throws XMLStreamException {
		if (this.namespace != null) {
			w.writeEmptyElement(this.prefix, name, this.namespace);
		}
		else {
			w.writeEmptyElement(name);
		}
	}

	private String value(CompiledField f, EvaluationContext ctx, CharsetFitter fitter, List<Substitution> subs) {
		try {
			Object value = f.evaluate(ctx);
			return (value != null) ? fitter.fit(f.write(value), f, 0, subs).text() : null;
		}
		catch (MappingException ex) {
			throw ex.at(this.mapping.id(), f.name(), 0);
		}
	}

	@Override
	public Parsed parse(byte[] bytes) {
		List<LineError> errors = new ArrayList<>();
		ObjectNode record = null;
		try {
			String text = TextDecoding.decode(bytes, this.mapping.charset());
			List<CompiledField> all = new ArrayList<>(this.mapping.header());
			all.addAll(this.mapping.fields());
			record = new XmlReading(this.root, this.namespace, errors)
				.read(INPUT.get().createXMLStreamReader(new StringReader(text)))
				.record(all);
		}
		catch (MappingException ex) {
			errors.add(LineError.of(1, ex));
		}
		catch (XMLStreamException ex) {
			errors.add(new LineError(1, null, "MALFORMED", "XML 无法读取: " + ex.getMessage(),
					"unreadable XML: " + ex.getMessage()));
		}
		List<ObjectNode> records = (record != null && errors.isEmpty()) ? List.of(record) : List.of();
		return new Parsed(records, null, null, List.copyOf(errors));
	}

}
