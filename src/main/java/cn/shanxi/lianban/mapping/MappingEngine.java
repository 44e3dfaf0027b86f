package cn.shanxi.lianban.mapping;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders work items into the agencies' legacy formats and parses their replies, as the
 * mapping files in {@code mappings/} describe. Knows nothing of transports: it turns
 * contexts into bytes (or rows) and bytes (or rows) into records.
 *
 * <p>
 * A render context is a JSON object with the roots {@code case} (the application form
 * plus caseNo, channel, createdAt), {@code certificate}, {@code item} (id, type, agency,
 * dedupKey), {@code message} (id, sentAt, sender) and, for simulated agencies,
 * {@code reply}. The batch context ({@code fileName}, {@code createdAt}, …) is seen as
 * {@code batch}, with {@code count} and {@code totals} added by the engine.
 */
public class MappingEngine {

	private final MappingCatalog catalog;

	public MappingEngine(MappingCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Renders records as one message (one batch file, one document, a set of rows).
	 * @throws MappingException naming the mapping, the record (index in {@code records})
	 * and the field when a value cannot be written — the caller records it on that work
	 * item, which goes to the window
	 */
	public Rendered render(String mappingId, List<? extends JsonNode> records, JsonNode batch) {
		try {
			return this.catalog.codec(mappingId).render(records, batch);
		}
		catch (MappingException ex) {
			throw ex.at(mappingId, null, -1);
		}
	}

	/** Renders one record, e.g. one XML or JSON message for one work item. */
	public Rendered render(String mappingId, JsonNode record) {
		return render(mappingId, List.of(record), null);
	}

	/**
	 * Parses a message. Never throws for bad content: what is wrong is in
	 * {@link Parsed#errors()}, line by line, and the lines that are right are in
	 * {@link Parsed#records()}.
	 */
	public Parsed parse(String mappingId, byte[] bytes) {
		return this.catalog.codec(mappingId).parse(bytes);
	}

	/** Parses rows read from an agency's table (ROWS mappings). */
	public Parsed parseRows(String mappingId, List<? extends Map<String, ?>> rows) {
		return this.catalog.codec(mappingId).parseRows(rows);
	}

	public MappingCatalog catalog() {
		return this.catalog;
	}

}
