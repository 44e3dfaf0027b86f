package cn.shanxi.lianban.mapping;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.mappings}: where the mapping files are.
 *
 * @param dir the mapping folders on the file system, comma-separated; each holds
 * {@code <id>.mapping.yaml} files and a {@code codes/} folder. A later folder may add
 * mappings (e.g. a test's own agency), not redefine them.
 */
@ConfigurationProperties("lianban.mappings")
public record MappingProperties(List<String> dir) {

	public MappingProperties {
		dir = (dir != null && !dir.isEmpty()) ? List.copyOf(dir) : List.of("mappings");
	}

	/** Plain file-system paths: never looked up on the class path. */
	List<Path> paths() {
		return this.dir.stream().map(String::strip).map(Path::of).toList();
	}

}
