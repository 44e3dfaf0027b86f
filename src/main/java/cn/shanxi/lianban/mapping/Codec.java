package cn.shanxi.lianban.mapping;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders and parses one format, for one compiled mapping. Thread-safe. */
interface Codec {

	/**
	 * @param records one context per record
	 * @param batch the batch's context ({@code fileName}, {@code createdAt}, …), may be
	 * empty
	 */
	Rendered render(List<? extends JsonNode> records, JsonNode batch);

	Parsed parse(byte[] bytes);

	/** Only ROWS reads row maps. */
	default Parsed parseRows(List<? extends Map<String, ?>> rows) {
		throw new UnsupportedOperationException("not a ROWS mapping");
	}

	static Codec of(CompiledMapping mapping) {
		return switch (mapping.format()) {
			case FIXED_WIDTH -> new FixedWidthCodec(mapping);
			case CSV -> new CsvCodec(mapping);
			case XML -> new XmlCodec(mapping);
			case JSON -> new JsonCodec(mapping);
			case ROWS -> new RowsCodec(mapping);
		};
	}

}
