package cn.shanxi.lianban.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads mapping and code-table files with Jackson YAML, strictly: an unknown key, a key
 * twice, or a code written as a bare number ({@code 01} would become 1) is a problem that
 * names the file, the place and the line.
 */
final class MappingFiles {

	private static final ObjectMapper YAML = strictYaml();

	private MappingFiles() {
	}

	private static ObjectMapper strictYaml() {
		ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
		mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
		mapper.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		return mapper;
	}

	/**
	 * @return the file's content, or {@code null} with the problem added
	 */
	static <T> T read(Path file, Class<T> type, List<String> problems) {
		try {
			T value = YAML.readValue(file.toFile(), type);
			if (value == null) {
				problems.add(file + ": the file is empty");
			}
			return value;
		}
		catch (JsonMappingException ex) {
			problems.add(file + ": " + describe(ex));
		}
		catch (IOException ex) {
			problems.add(file + ": unreadable YAML: " + ex.getMessage().lines().findFirst().orElse(""));
		}
		return null;
	}

	private static String describe(JsonMappingException ex) {
		String where = ex.getPath()
			.stream()
			.map((r) -> (r.getFieldName() != null) ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
		String line = (ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : "";
		if (ex instanceof UnrecognizedPropertyException u) {
			return where + line + ": unknown key '" + u.getPropertyName() + "' (known: "
					+ u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
					+ ")";
		}
		String message = ex.getOriginalMessage().lines().findFirst().orElse("");
		if (message.startsWith("Cannot coerce")) {
			message = "write it in quotes: YAML reads a bare 01, 1.50, yes or on as a number or a boolean";
		}
		return where + line + ": " + message;
	}

	/** The files of a folder whose names end with {@code suffix}, sorted. */
	static List<Path> list(Path dir, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((p) -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
				.sorted()
				.toList();
		}
	}

}
