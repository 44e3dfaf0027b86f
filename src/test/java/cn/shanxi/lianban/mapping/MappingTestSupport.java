package cn.shanxi.lianban.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mapping tests share: the catalogue of {@code mappings/} plus the test-only
 * mappings, the demo case's context, and byte comparison with hex diffs.
 */
final class MappingTestSupport {

	static final Path MAPPINGS = Path.of("mappings");

	static final Path EXTRA = Path.of("src/test/resources/mapping/extra");

	static final MappingCatalog CATALOG = MappingCatalog.load(List.of(MAPPINGS, EXTRA));

	static final MappingEngine ENGINE = new MappingEngine(CATALOG);

	/** Amounts stay BigDecimal, as the hub's own contexts should carry them. */
	static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

	/**
	 * {@code -Dgolden.update=true} rewrites the golden files from what is rendered now.
	 */
	static final boolean UPDATE = Boolean.getBoolean("golden.update");

	private MappingTestSupport() {
	}

	/**
	 * The demo case (application.example.json, certificate.example.json) as a render
	 * context, for a work item of the given type and agency.
	 */
	static ObjectNode context(String itemType, String agency) {
		try {
			ObjectNode ctx = (ObjectNode) JSON.readTree(Path.of("src/test/resources/mapping/context.json").toFile());
			ObjectNode item = (ObjectNode) ctx.get("item");
			item.put("type", itemType);
			item.put("agency", agency);
			item.put("dedupKey", "SX2026112900000123-" + itemType);
			return ctx;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ObjectNode context(String itemType, String agency, String deceasedName) {
		ObjectNode ctx = context(itemType, agency);
		((ObjectNode) ctx.get("case").get("deceased")).put("name", deceasedName);
		return ctx;
	}

	static ObjectNode json(String text) {
		try {
			return (ObjectNode) JSON.readTree(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Compares with {@code src/test/resources/golden/<name>}, hex line by hex line. */
	static void assertGolden(String name, byte[] actual, Charset charset) {
		Path file = Path.of("src/test/resources/golden", name);
		try {
			if (UPDATE) {
				Files.createDirectories(file.getParent());
				Files.write(file, actual);
			}
			assertThat(Files.exists(file))
				.as("golden file %s exists (run with -Dgolden.update=true once, then review)", file)
				.isTrue();
			assertBytes(Files.readAllBytes(file), actual, charset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Byte equality, shown as a hex dump (16 bytes a line, decoded text beside) on
	 * failure.
	 */
	static void assertBytes(byte[] expected, byte[] actual, Charset charset) {
		if (java.util.Arrays.equals(expected, actual)) {
			return;
		}
		int at = java.util.Arrays.mismatch(expected, actual);
		assertThat(hex(actual, charset))
			.as("bytes differ from offset %d (0x%X); expected %d bytes, got %d", at, at, expected.length, actual.length)
			.isEqualTo(hex(expected, charset));
	}

	static String hex(byte[] bytes, Charset charset) {
		StringBuilder out = new StringBuilder();
		for (int row = 0; row < bytes.length; row += 16) {
			out.append(String.format(Locale.ROOT, "%06X ", row));
			for (int i = row; i < row + 16; i++) {
				out.append((i < bytes.length) ? String.format(Locale.ROOT, "%02X ", bytes[i]) : "   ");
			}
			out.append('\n');
		}
		return out.append(new String(bytes, charset)).toString();
	}

}
