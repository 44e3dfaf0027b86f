package cn.shanxi.lianban.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The no-services default: a real PostgreSQL engine when no database is configured, none
 * otherwise.
 */
class EmbeddedPostgresEnvironmentTests {

	@Test
	void startsAnEmbeddedEngineKeepingItsDataInTheConfiguredFolder(@TempDir Path dir) throws Exception {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("lianban.embedded-db.dir", dir.resolve("pg").toString())));

		new EmbeddedPostgresEnvironment(new DeferredLogs()).postProcessEnvironment(env, new SpringApplication());

		String url = env.getProperty("spring.datasource.url");
		assertThat(url).startsWith("jdbc:postgresql://localhost:");
		try (Connection c = DriverManager.getConnection(url, "postgres", "");
				ResultSet rs = c.createStatement().executeQuery("select 1")) {
			assertThat(rs.next()).isTrue();
		}
		assertThat(Files.exists(dir.resolve("pg").resolve("PG_VERSION"))).isTrue();
	}

	@Test
	void startsNothingWhenADatabaseIsConfigured() {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/lianban")));

		new EmbeddedPostgresEnvironment(new DeferredLogs()).postProcessEnvironment(env, new SpringApplication());

		assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/lianban");
		assertThat(env.getPropertySources().contains("lianbanEmbeddedPostgres")).isFalse();
	}

}
