package cn.shanxi.lianban.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A batch file's header and trailer state how many records it holds and what they add up
 * to ({@code batch.count}, {@code batch.totals.<field>}): parsing checks both.
 */
final class BatchChecks {

	private static final String TOTALS = "batch.totals.";

	private BatchChecks() {
	}

	/**
	 * @param totals the sums of the body's total fields, or {@code null} when the body
	 * had errors (no sum to compare)
	 */
	static void check(List<CompiledField> fields, ObjectNode parsed, int lineNo, int count,
			Map<String, BigDecimal> totals, List<LineError> errors) {
		if (parsed == null) {
			return;
		}
		for (CompiledField f : fields) {
			String path = f.backPath();
			if (path == null) {
				continue;
			}
			JsonNode stated = parsed.at("/" + path.replace('.', '/'));
			if (stated.isMissingNode()) {
				continue;
			}
			if ("batch.count".equals(path) && stated.asLong() != count) {
				errors.add(new LineError(lineNo, f.name(), "WRONG_COUNT", "记录数写为 " + stated.asText() + ",实有 " + count,
						"the record count says " + stated.asText() + ", the file holds " + count));
			}
			if (path.startsWith(TOTALS) && totals != null) {
				BigDecimal sum = totals.getOrDefault(path.substring(TOTALS.length()), BigDecimal.ZERO);
				if (stated.decimalValue().compareTo(sum) != 0) {
					errors.add(new LineError(lineNo, f.name(), "WRONG_TOTAL", "合计写为 " + stated.asText() + ",实为 " + sum,
							"the total says " + stated.asText() + ", the records add up to " + sum));
				}
			}
		}
	}

}
