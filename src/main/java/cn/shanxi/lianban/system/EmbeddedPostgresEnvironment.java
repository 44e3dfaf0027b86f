package cn.shanxi.lianban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL engine inside the hub when no database is configured, so that
 * {@code ./mvnw spring-boot:run} works on a machine with no services. Its data stays in
 * {@code lianban.embedded-db.dir} (default {@code ./data/postgres}), so a restart keeps
 * the cases. Setting {@code LIANBAN_DB_URL} (or {@code spring.datasource.url}) turns this
 * off.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	private static EmbeddedPostgres engine;

	private final Log log;

	public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
	}

	@Override
	public int getOrder() {
		// after the application's own configuration files are read
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
			return;
		}
		Path dir = Path.of(env.getProperty("lianban.embedded-db.dir", "data/postgres")).toAbsolutePath();
		int port = env.getProperty("lianban.embedded-db.port", Integer.class, 0);
		EmbeddedPostgres pg = start(dir, port);
		this.log.info("No LIANBAN_DB_URL set: started the embedded PostgreSQL engine on port " + pg.getPort()
				+ " with its data in " + dir);
		env.getPropertySources()
			.addFirst(new MapPropertySource("lianbanEmbeddedPostgres",
					Map.of("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"), "spring.datasource.username",
							"postgres", "spring.datasource.password", "")));
	}

	private static synchronized EmbeddedPostgres start(Path dir, int port) {
		if (engine != null) {
			return engine;
		}
		try {
			Files.createDirectories(dir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				// stopped below, after the application context, not by a hook of its own
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200");
			if (port > 0) {
				builder.setPort(port);
			}
			engine = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL engine in " + dir, ex);
		}
		// after the application context has closed: Quartz, the routes and the pool still
		// use the database while they stop
		SpringApplication.getShutdownHandlers().add(() -> {
			try {
				engine.close();
			}
			catch (IOException ignored) {
				// the JVM is going away; the engine's own lock file is cleaned at the
				// next start
			}
		});
		return engine;
	}

}
