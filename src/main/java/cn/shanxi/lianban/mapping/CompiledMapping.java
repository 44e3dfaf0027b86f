package cn.shanxi.lianban.mapping;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.List;

/**
 * A mapping file, checked and ready: options carry their defaults, fields are compiled.
 */
record CompiledMapping(String id, String title, String agency, MappingFile.Direction direction, Format format,
		Charset charset, ZoneId zone, Expression fileName, MappingFile.FixedWidthOptions fixedWidth,
		MappingFile.CsvOptions csv, MappingFile.XmlOptions xml, MappingFile.JsonOptions json,
		List<CompiledField> header, List<CompiledField> fields, List<CompiledField> trailer) {

	/** The content type a transport should declare. */
	String contentType() {
		String cs = "; charset=" + this.charset.name();
		return switch (this.format) {
			case FIXED_WIDTH -> "text/plain" + cs;
			case CSV -> "text/csv" + cs;
			case XML -> "application/xml" + cs;
			case JSON, ROWS -> "application/json" + cs;
		};
	}

}
