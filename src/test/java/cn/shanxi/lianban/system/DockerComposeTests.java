package cn.shanxi.lianban.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs on our machines, so docker-compose.yml is kept honest by reading
 * it: every variable it gives the hub is one the hub reads, and the README names the same
 * ones.
 */
class DockerComposeTests {

	private static final Pattern READ = Pattern.compile("\\$\\{(LIANBAN_[A-Z0-9_]+)");

	@Test
	void everyVariableTheComposeFileSetsIsOneTheHubReads() throws IOException {
		JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
		TreeSet<String> read = new TreeSet<>();
		Matcher m = READ.matcher(Files.readString(Path.of("src/main/resources/application.yaml"))
				+ Files.readString(Path.of("src/main/resources/application-prod.yaml")));
		while (m.find()) {
			read.add(m.group(1));
		}
		TreeSet<String> set = new TreeSet<>();
		for (JsonNode service : iterable(compose.get("services").elements())) {
			if (service.has("build")) {
				service.get("environment").fieldNames().forEachRemaining(set::add);
			}
		}

		assertThat(set).isNotEmpty().contains("LIANBAN_DB_URL");
		// issue 15: the compose file runs the prod profile
		assertThat(compose.get("services").get("hub-1").get("environment").get("SPRING_PROFILES_ACTIVE").asText())
			.isEqualTo("prod");
		read.add("SPRING_PROFILES_ACTIVE");
		assertThat(read).containsAll(set);
		String readme = Files.readString(Path.of("README.md"));
		assertThat(set).allSatisfy((variable) -> assertThat(readme).contains(variable));
	}

	@Test
	void theHubServicesUseTheDatabaseService() throws IOException {
		JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
		for (Map.Entry<String, JsonNode> service : iterable(compose.get("services").fields())) {
			if (service.getValue().has("build")) {
				assertThat(service.getValue().get("environment").get("LIANBAN_DB_URL").asText()).as(service.getKey())
					.isEqualTo("jdbc:postgresql://db:5432/lianban");
			}
		}
	}

	private static <T> Iterable<T> iterable(Iterator<T> it) {
		return () -> it;
	}

}
