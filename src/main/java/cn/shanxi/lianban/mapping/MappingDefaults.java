package cn.shanxi.lianban.mapping;

import cn.shanxi.lianban.mapping.MappingFile.CsvOptions;
import cn.shanxi.lianban.mapping.MappingFile.FixedWidthOptions;
import cn.shanxi.lianban.mapping.MappingFile.JsonOptions;
import cn.shanxi.lianban.mapping.MappingFile.JsonStyle;
import cn.shanxi.lianban.mapping.MappingFile.Quoting;
import cn.shanxi.lianban.mapping.MappingFile.Separator;
import cn.shanxi.lianban.mapping.MappingFile.XmlOptions;

/** A mapping's format options with every default filled in, so codecs never see null. */
final class MappingDefaults {

	private MappingDefaults() {
	}

	static FixedWidthOptions fixedWidth(MappingFile m) {
		FixedWidthOptions o = (m.fixedWidth() != null) ? m.fixedWidth() : new FixedWidthOptions(null);
		return new FixedWidthOptions(or(o.recordSeparator(), Separator.CRLF));
	}

	static CsvOptions csv(MappingFile m) {
		CsvOptions o = (m.csv() != null) ? m.csv() : new CsvOptions(null, null, null, null, null);
		return new CsvOptions(or(o.delimiter(), ","), or(o.quote(), "\""), or(o.quoting(), Quoting.MINIMAL),
				or(o.header(), Boolean.TRUE), or(o.lineSeparator(), Separator.CRLF));
	}

	static XmlOptions xml(MappingFile m) {
		XmlOptions o = (m.xml() != null) ? m.xml() : new XmlOptions(null, null, null, null, null, null);
		return new XmlOptions(o.root(), o.namespace(), or(o.prefix(), ""), or(o.declaration(), Boolean.TRUE),
				or(o.indent(), 2), or(o.lineSeparator(), Separator.LF));
	}

	static JsonOptions json(MappingFile m) {
		JsonOptions o = (m.json() != null) ? m.json() : new JsonOptions(null, null, null);
		return new JsonOptions(or(o.style(), JsonStyle.PLAIN), or(o.body(), "input"),
				or(o.rejectUnknown(), Boolean.TRUE));
	}

	private static <T> T or(T value, T otherwise) {
		return (value != null) ? value : otherwise;
	}

}
