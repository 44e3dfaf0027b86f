package cn.shanxi.lianban.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.shanxi.lianban.LianbanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another hub instance in this JVM, on the same database as the test context (the test
 * database is per JVM): a second Spring context, its own port, its own simulated
 * agencies, its own outbox relay. Close it when done: while it runs it takes part in the
 * outbox, the Quartz cluster and the notification relays.
 */
public final class OtherHub implements AutoCloseable {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private final ConfigurableApplicationContext context;

	private OtherHub(String... properties) {
		// Quartz keeps data sources in a JVM-wide registry by scheduler name: under the
		// hub's name, this context would take over (and close) the test context's
		List<String> all = new ArrayList<>(List.of("server.port=0", "lianban.dropbox.enabled=false",
				"spring.main.banner-mode=off", "spring.quartz.scheduler-name=other-hub-" + SERIAL.incrementAndGet(),
				"spring.quartz.auto-startup=false"));
		all.addAll(List.of(properties));
		// command-line arguments: they win over application.yaml
		this.context = new SpringApplicationBuilder(LianbanApplication.class)
			.run(all.stream().map((p) -> "--" + p).toArray(String[]::new));
	}

	public static OtherHub start(String... properties) {
		return new OtherHub(properties);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
