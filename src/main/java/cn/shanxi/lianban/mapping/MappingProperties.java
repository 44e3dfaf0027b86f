package cn.shanxi.lianban.mapping;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.mappings}: where the mapping files are.
 *
 * @param dir the mapping folders, comma-separated; each holds {@code <id>.mapping.yaml}
 * files and a {@code codes/} folder. A later folder may add mappings (e.g. a test's own
 * agency), not redefine them.
 */
@ConfigurationProperties("lianban.mappings")
public record MappingProperties(List<Path> dir) {

	public MappingProperties {
		dir = (dir != null && !dir.isEmpty()) ? List.copyOf(dir) : List.of(Path.of("mappings"));
	}

}
