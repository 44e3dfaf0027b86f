package cn.shanxi.lianban.mapping;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Rows for an agency's staging table (housing fund): one column → typed value map per
 * record, for a {@code sql:} insert with bound parameters; and rows read back from a
 * status poll. The rendered bytes are the rows as JSON, for the message log.
 */
final class RowsCodec implements Codec {

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		// 1234.50 stays 1234.50: an amount keeps its scale
		.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

	private final CompiledMapping mapping;

	RowsCodec(CompiledMapping mapping) {
		this.mapping = mapping;
		for (CompiledField f : mapping.fields()) {
			if (!f.name().matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException("'" + f.name() + "' is not a column name ([a-z_][a-z0-9_]*)");
			}
		}
	}

	@Override
	public Rendered render(List<? extends JsonNode> records, JsonNode batchContext) {
		List<Substitution> substitutions = new ArrayList<>();
		CharsetFitter fitter = new CharsetFitter(this.mapping.charset(), true);
		ObjectNode batch = Records.batch(batchContext, records.size());
		List<Map<String, Object>> rows = new ArrayList<>(records.size());
		ArrayNode log = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < records.size(); i++) {
			EvaluationContext ctx = new EvaluationContext(records.get(i), batch, this.mapping.zone());
			Map<String, Object> row = new LinkedHashMap<>();
			ObjectNode logRow = log.addObject();
			for (CompiledField f : this.mapping.fields()) {
				try {
					Object value = f.evaluate(ctx);
					if (value == null) {
						row.put(f.name(), null);
						logRow.set(f.name(), NullNode.getInstance());
						continue;
					}
					String text = fitter.fit(f.write(value), f, i, substitutions).text();
					row.put(f.name(), column((value instanceof String) ? text : value));
					logRow.set(f.name(), f.writesJsonText() ? TextNode.valueOf(text) : f.toDocumentJson(value));
				}
				catch (MappingException ex) {
					throw ex.at(this.mapping.id(), f.name(), i);
				}
			}
			rows.add(Collections.unmodifiableMap(row));
		}
		byte[] bytes;
		try {
			bytes = JSON.writeValueAsBytes(log);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("JSON writing failed", ex);
		}
		return new Rendered(this.mapping.id(), Format.ROWS, bytes, List.copyOf(rows), "application/json; charset=UTF-8",
				java.nio.charset.StandardCharsets.UTF_8, Records.fileName(this.mapping, batch),
				List.copyOf(substitutions));
	}

	/** What JDBC binds best: a timestamp column takes Beijing wall-clock time. */
	private static Object column(Object value) {
		if (value instanceof ZonedDateTime z) {
			return z.toLocalDateTime();
		}
		if (value instanceof Long l && l == l.intValue()) {
			return l.intValue();
		}
		return value;
	}

	/** The message-log form (a JSON array of rows) read back. */
	@Override
	public Parsed parse(byte[] bytes) {
		List<Map<String, Object>> rows = new ArrayList<>();
		try {
			JsonNode array = JSON.readTree(bytes);
			for (JsonNode row : array) {
				Map<String, Object> map = new LinkedHashMap<>();
				for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
					Map.Entry<String, JsonNode> e = it.next();
					JsonNode v = e.getValue();
					map.put(e.getKey(), v.isNull() ? null
							: v.isTextual() ? v.textValue() : v.isBoolean() ? v.booleanValue() : v.decimalValue());
				}
				rows.add(map);
			}
		}
		catch (java.io.IOException ex) {
			return new Parsed(List.of(), null, null,
					List.of(new LineError(1, null, "MALFORMED", "行数据无法读取", "unreadable rows: " + ex.getMessage())));
		}
		return parseRows(rows);
	}

	@Override
	public Parsed parseRows(List<? extends Map<String, ?>> rows) {
		List<ObjectNode> records = new ArrayList<>();
		List<LineError> errors = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			// a database may spell column labels in either case
			Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			row.putAll(rows.get(i));
			ObjectNode record = Records.object();
			boolean clean = true;
			for (CompiledField f : this.mapping.fields()) {
				try {
					Records.putBack(record, f, value(f, row.get(f.name())));
				}
				catch (MappingException ex) {
					errors.add(LineError.of(i + 1, ex.at(null, f.name(), -1)));
					clean = false;
				}
			}
			if (clean) {
				records.add(record);
			}
		}
		return new Parsed(List.copyOf(records), null, null, List.copyOf(errors));
	}

	private Object value(CompiledField f, Object v) {
		if (v == null || (v instanceof String s && s.isEmpty())) {
			if (f.required()) {
				throw new MappingException(MappingException.MISSING_VALUE, "缺少必填值", "a required value is missing");
			}
			return null;
		}
		if (v instanceof String s) {
			return (f.type() == FieldType.STRING) ? f.read(s) : Records.readCanonical(f, s);
		}
		if (f.code() != null) {
			return f.read(String.valueOf(v));
		}
		Object typed = switch (f.type()) {
			case INTEGER -> (v instanceof Number n) ? (Object) new BigDecimal(n.toString()).longValueExact() : null;
			case DECIMAL -> (v instanceof Number n) ? new BigDecimal(n.toString()) : null;
			case DATE -> (v instanceof java.sql.Date d) ? d.toLocalDate() : (v instanceof LocalDate d) ? d : null;
			case DATETIME -> dateTime(v);
			case TIME -> (v instanceof java.sql.Time t) ? t.toLocalTime() : (v instanceof LocalTime t) ? t : null;
			case BOOLEAN -> (v instanceof Boolean b) ? b : null;
			case STRING -> String.valueOf(v);
		};
		if (typed == null) {
			throw new MappingException(MappingException.BAD_VALUE, "列值类型不符: " + v.getClass().getSimpleName(),
					"the column value has the wrong type: " + v.getClass().getSimpleName());
		}
		f.write(typed);
		return typed;
	}

	private ZonedDateTime dateTime(Object v) {
		if (v instanceof Timestamp t) {
			return t.toLocalDateTime().atZone(this.mapping.zone());
		}
		if (v instanceof LocalDateTime t) {
			return t.atZone(this.mapping.zone());
		}
		if (v instanceof OffsetDateTime t) {
			return t.atZoneSameInstant(this.mapping.zone());
		}
		return null;
	}

}
