package cn.shanxi.lianban.delivery;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;

import cn.shanxi.lianban.LianbanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another hub instance in this JVM, on the same database as the test context (the test
 * database is per JVM): a second Spring context, its own port, its own simulated
 * agencies, its own outbox relay.
 */
final class OtherHub implements AutoCloseable {

	/**
	 * The hub that also knows the agency defined in test resources only
	 * ({@code src/test/resources/agency-extension}), shared by the tests that need a
	 * second instance (each context costs seconds).
	 */
	private static OtherHub extended;

	private final ConfigurableApplicationContext context;

	private OtherHub(String... properties) {
		List<String> all = new ArrayList<>(
				List.of("server.port=0", "lianban.dropbox.enabled=false", "spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		// as command-line arguments: over application.yaml, as a deployment's environment
		// is
		this.context = new SpringApplicationBuilder(LianbanApplication.class)
			.run(all.stream().map((p) -> "--" + p).toArray(String[]::new));
	}

	static synchronized OtherHub extended() {
		if (extended == null) {
			extended = new OtherHub("lianban.delivery.instance-id=extended-hub",
					"spring.config.import=file:src/test/resources/agency-extension/agency.yaml");
		}
		return extended;
	}

	/** The extended hub if a test has started it. */
	static synchronized OtherHub extendedIfRunning() {
		return (extended != null && extended.context.isActive()) ? extended : null;
	}

	static OtherHub start(String... properties) {
		return new OtherHub(properties);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Stops (or starts again) this instance's outbox relay, so another one drains alone.
	 */
	void relay(boolean on) throws Exception {
		CamelContext camel = bean(CamelContext.class);
		if (on) {
			camel.getRouteController().resumeRoute("outbox-relay");
		}
		else {
			camel.getRouteController().suspendRoute("outbox-relay");
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
