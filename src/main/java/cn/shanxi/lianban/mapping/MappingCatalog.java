package cn.shanxi.lianban.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mappings the hub knows: every {@code <id>.mapping.yaml} and {@code codes/
 *
<table>
 * .yaml} of the mapping folders, read, checked and compiled at start. Any mistake in any
 * file stops the load with all the problems listed, so a typo fails the build or the
 * start, not a delivery.
 */
public final class MappingCatalog {

	static final String SUFFIX = ".mapping.yaml";

	private final Map<String, CompiledMapping> mappings;

	private final Map<String, Codec> codecs;

	private final Map<String, CodeTable> codes;

	private MappingCatalog(Map<String, CompiledMapping> mappings, Map<String, Codec> codecs,
			Map<String, CodeTable> codes) {
		this.mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
		this.codecs = Map.copyOf(codecs);
		this.codes = Map.copyOf(codes);
	}

	/**
	 * Loads the folders in order; a later folder may add mappings and code tables, not
	 * redefine them.
	 * @throws MappingDefinitionException listing every problem found
	 */
	public static MappingCatalog load(List<Path> dirs) {
		List<String> problems = new ArrayList<>();
		Map<String, CodeTable> codes = new LinkedHashMap<>();
		Map<String, CompiledMapping> mappings = new LinkedHashMap<>();
		Map<String, Codec> codecs = new LinkedHashMap<>();
		try {
			for (Path dir : dirs) {
				if (!Files.isDirectory(dir)) {
					problems.add(dir + ": the mappings folder does not exist (lianban.mappings.dir)");
					continue;
				}
				Path codeDir = dir.resolve("codes");
				if (Files.isDirectory(codeDir)) {
					for (Path file : MappingFiles.list(codeDir, ".yaml")) {
						loadCodeTable(file, codes, problems);
					}
				}
			}
			for (Path dir : dirs) {
				if (Files.isDirectory(dir)) {
					for (Path file : MappingFiles.list(dir, ".yaml")) {
						loadMapping(file, codes, mappings, codecs, problems);
					}
					MappingFiles.list(dir, ".yml").forEach((p) -> problems.add(p + ": name it <id>" + SUFFIX));
				}
			}
		}
		catch (IOException ex) {
			problems.add("cannot list the mapping folders: " + ex.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new MappingDefinitionException(problems);
		}
		return new MappingCatalog(mappings, codecs, codes);
	}

	private static void loadCodeTable(Path file, Map<String, CodeTable> codes, List<String> problems) {
		String id = file.getFileName().toString().replaceFirst("\\.yaml$", "");
		CodeTable.File table = MappingFiles.read(file, CodeTable.File.class, problems);
		if (table == null) {
			return;
		}
		List<String> mine = new ArrayList<>();
		if (!id.equals(table.id())) {
			mine.add("id: must be '" + id + "', the file's name");
		}
		CodeTable compiled = CodeTable.of(table, mine);
		if (codes.containsKey(id)) {
			mine.add("code table '" + id + "' is already defined in an earlier folder");
		}
		mine.forEach((p) -> problems.add(file + ": " + p));
		if (mine.isEmpty()) {
			codes.put(id, compiled);
		}
	}

	private static void loadMapping(Path file, Map<String, CodeTable> codes, Map<String, CompiledMapping> mappings,
			Map<String, Codec> codecs, List<String> problems) {
		String name = file.getFileName().toString();
		if (!name.endsWith(SUFFIX)) {
			problems.add(file + ": name it <id>" + SUFFIX + " (code tables go in codes/)");
			return;
		}
		String id = name.substring(0, name.length() - SUFFIX.length());
		MappingFile definition = MappingFiles.read(file, MappingFile.class, problems);
		if (definition == null) {
			return;
		}
		List<String> mine = new ArrayList<>();
		CompiledMapping compiled = MappingCompiler.compile(definition, id, codes, mine);
		if (compiled != null) {
			try {
				codecs.put(id, Codec.of(compiled));
			}
			catch (IllegalArgumentException ex) {
				mine.add(ex.getMessage());
			}
		}
		if (mappings.containsKey(id)) {
			mine.add("mapping '" + id + "' is already defined in an earlier folder");
		}
		mine.forEach((p) -> problems.add(file + ": " + p));
		if (mine.isEmpty()) {
			mappings.put(id, compiled);
		}
	}

	public Set<String> ids() {
		return this.mappings.keySet();
	}

	public Optional<MappingInfo> find(String id) {
		return Optional.ofNullable(this.mappings.get(id)).map(MappingInfo::of);
	}

	public Optional<CodeTable> codeTable(String id) {
		return Optional.ofNullable(this.codes.get(id));
	}

	/** The compiled mapping, for tests and tools in this package. */
	CompiledMapping mapping(String id) {
		codec(id);
		return this.mappings.get(id);
	}

	Codec codec(String id) {
		Codec codec = this.codecs.get(id);
		if (codec == null) {
			throw new MappingException(MappingException.UNKNOWN_MAPPING, "没有映射 " + id, "no mapping named " + id).at(id,
					null, -1);
		}
		return codec;
	}

}
