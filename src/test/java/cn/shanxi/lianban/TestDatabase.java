package cn.shanxi.lianban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the whole test run one fresh database of its own, created at the first Spring
 * context and dropped when the JVM ends: on the PostgreSQL server at 127.0.0.1:5432 when
 * one answers (our machines and CI have one), otherwise on an embedded engine, so the
 * test command passes on a machine with nothing installed.
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

	private static final String LOCAL_HOST = System.getProperty("lianban.test.db.host", "127.0.0.1");

	private static final int LOCAL_PORT = Integer.getInteger("lianban.test.db.port", 5432);

	private static String url;

	private static javax.sql.DataSource migrated;

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		env.getPropertySources()
			.addFirst(new MapPropertySource("lianbanTestDatabase",
					Map.of("spring.datasource.url", url(), "spring.datasource.username", "postgres",
							"spring.datasource.password", "",
							// this run's name: folders that outlive a run (target/) are
							// kept apart
							"lianban.test.run", url().substring(url().lastIndexOf('/') + 1))));
	}

	/**
	 * This run's database, migrated, for code under test outside a Spring context (a
	 * drop-box server started on its own).
	 */
	public static synchronized javax.sql.DataSource migrated() {
		if (migrated == null) {
			migrated = new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.postgresql.Driver(),
					url(), "postgres", "");
			org.flywaydb.core.Flyway.configure().dataSource(migrated).load().migrate();
		}
		return migrated;
	}

	/** The JDBC URL of this run's database, created on first use. */
	public static synchronized String url() {
		if (url == null) {
			url = create();
		}
		return url;
	}

	private static String create() {
		String name = "lianban_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		// dropped (or the engine stopped) after every application context has closed: a
		// route still polling when the database went away would hang the JVM's exit on
		// its connection pool
		if (answers(LOCAL_HOST, LOCAL_PORT)) {
			String server = "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/";
			execute(server + "postgres", "CREATE DATABASE " + name);
			SpringApplication.getShutdownHandlers()
				.add(() -> execute(server + "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
			return server + name;
		}
		EmbeddedPostgres pg = embedded();
		String server = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
		execute(server + "postgres", "CREATE DATABASE " + name);
		SpringApplication.getShutdownHandlers().add(() -> {
			try {
				pg.close();
			}
			catch (IOException ignored) {
				// the JVM is going away
			}
		});
		return server + name;
	}

	private static EmbeddedPostgres embedded() {
		try {
			return EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void execute(String jdbcUrl, String sql) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test database: " + sql + " failed on " + jdbcUrl, ex);
		}
	}

}
