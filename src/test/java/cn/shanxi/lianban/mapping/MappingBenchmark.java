package cn.shanxi.lianban.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How fast the engine renders (and parses) the catalogue's formats, single-threaded. The
 * hub's goal is ≈2,000 agency messages/s overall, so rendering has to be a small part of
 * a message's cost. Not a test: run it by hand from the project folder.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.shanxi.lianban.mapping.MappingBenchmark -Dexec.args="50000"
 * </pre>
 *
 * The argument is the number of records rendered per mapping (default 50,000), after a
 * warm-up of the same size. Batch formats render files of 100 records.
 */
public final class MappingBenchmark {

	private static final int BATCH_SIZE = 100;

	private MappingBenchmark() {
	}

	public static void main(String[] args) {
		int n = (args.length > 0) ? Integer.parseInt(args[0]) : 50_000;
		MappingEngine engine = new MappingEngine(MappingCatalog.load(List.of(Path.of("mappings"))));
		JsonNode batch = MappingTestSupport.json("{\"fileId\": \"B1\", \"createdAt\": \"2026-11-29T10:16:00+08:00\"}");
		List<Case> cases = List.of(new Case("police-hukou-cancellation", "HUKOU_CANCELLATION", "POLICE_HUKOU"),
				new Case("civil-affairs-benefit-stop", "DIBAO_STOP", "CIVIL_AFFAIRS"),
				new Case("police-traffic-licence-cancellation", "DRIVING_LICENCE_CANCELLATION", "POLICE_TRAFFIC"),
				new Case("hrss-request", "PENSION_ACCOUNT_REFUND", "HRSS"),
				new Case("medical-insurance-request", "MEDICAL_ACCOUNT_WITHDRAWAL", "MEDICAL_INSURANCE"),
				new Case("housing-fund-withdrawal", "HOUSING_FUND_WITHDRAWAL", "HOUSING_FUND"),
				new Case("health-death-certificate-request", "DEATH_CERTIFICATE", "HEALTH"));
		System.out.printf(Locale.ROOT, "%-38s %14s %14s%n", "mapping", "render rec/s", "parse rec/s");
		long totalRecords = 0;
		long totalNanos = 0;
		for (Case c : cases) {
			Format format = engine.catalog().find(c.mapping).orElseThrow().format();
			int perCall = (format == Format.FIXED_WIDTH || format == Format.CSV) ? BATCH_SIZE : 1;
			List<JsonNode> records = records(c, perCall);
			run(engine, c.mapping, records, batch, n / perCall);
			long start = System.nanoTime();
			Rendered last = run(engine, c.mapping, records, batch, n / perCall);
			long renderNanos = System.nanoTime() - start;
			totalRecords += (long) (n / perCall) * perCall;
			totalNanos += renderNanos;
			double parse = parseRate(engine, c.mapping, last, n / perCall, perCall);
			System.out.printf(Locale.ROOT, "%-38s %,14.0f %,14.0f%n", c.mapping,
					(n / perCall) * perCall / (renderNanos / 1e9), parse);
		}
		System.out.printf(Locale.ROOT, "%-38s %,14.0f%n", "all formats, one thread", totalRecords / (totalNanos / 1e9));
	}

	private static Rendered run(MappingEngine engine, String mapping, List<JsonNode> records, JsonNode batch,
			int calls) {
		Rendered last = null;
		for (int i = 0; i < calls; i++) {
			last = engine.render(mapping, records, batch);
		}
		return last;
	}

	private static double parseRate(MappingEngine engine, String mapping, Rendered rendered, int calls, int perCall) {
		boolean rows = rendered.format() == Format.ROWS;
		for (int round = 0; round < 2; round++) {
			long start = System.nanoTime();
			for (int i = 0; i < calls; i++) {
				Parsed p = rows ? engine.parseRows(mapping, rendered.rows()) : engine.parse(mapping, rendered.bytes());
				if (!p.isValid()) {
					throw new IllegalStateException(p.errors().toString());
				}
			}
			if (round == 1) {
				return (double) calls * perCall / ((System.nanoTime() - start) / 1e9);
			}
		}
		return 0;
	}

	/**
	 * Different names, some with 4-byte GB18030 characters, so no two records are equal.
	 */
	private static List<JsonNode> records(Case c, int count) {
		String[] names = { "李大山", "王𠮷祥", "阿卜杜热合曼·买买提明·艾力江", "欧阳明", "张三" };
		List<JsonNode> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ObjectNode ctx = MappingTestSupport.context(c.itemType, c.agency, names[i % names.length]);
			((ObjectNode) ctx.get("item")).put("dedupKey", "SX20261129" + String.format(Locale.ROOT, "%08d", i) + "-"
					+ c.itemType.substring(0, Math.min(12, c.itemType.length())));
			out.add(ctx);
		}
		return out;
	}

	private record Case(String mapping, String itemType, String agency) {
	}

}
