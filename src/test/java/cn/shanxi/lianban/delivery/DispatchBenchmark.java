package cn.shanxi.lianban.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.CamelContext;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.LianbanApplication;
import cn.shanxi.lianban.HubApi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many cases per second go through dispatch (rendering every item with its agency's
 * mapping into the outbox) and delivery (claiming, sending over HTTP, SFTP and SQL to the
 * simulated agencies, recording the outcome). Not a test: run it by hand
 * (bench/dispatch.sh).
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.shanxi.lianban.delivery.DispatchBenchmark -Dexec.args="3000 2"
 * </pre>
 *
 * Arguments: cases (default 3000), dispatch threads (default 2: certificate chunks
 * arriving at once). The hub runs in this JVM on a fresh database of the local
 * PostgreSQL, its simulated agencies too; the applications are taken in first over HTTP
 * (not measured), then the certificates arrive in chunks of 100 cases per transaction, as
 * a partner file does, and the clock runs until the last message is delivered.
 */
public final class DispatchBenchmark {

	private static final int CHUNK = 100;

	private static final ObjectMapper JSON = new ObjectMapper();

	private DispatchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int n = (args.length > 0) ? Integer.parseInt(args[0]) : 3000;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		boolean phases = args.length > 2 && args[2].equals("phases");
		ConfigurableApplicationContext hub = new SpringApplicationBuilder(LianbanApplication.class).run(
				"--server.port=0", "--lianban.dropbox.enabled=false", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.cn.shanxi.lianban.simulator.SimulatedAgencies=ERROR");
		try {
			run(hub, n, threads, phases);
		}
		finally {
			hub.close();
		}
	}

	private static void run(ConfigurableApplicationContext hub, int n, int threads, boolean phases) throws Exception {
		CamelContext camel = hub.getBean(CamelContext.class);
		int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
		JdbcClient jdbc = hub.getBean(JdbcClient.class);
		CaseFlow flow = new CaseFlow(hub, port);

		System.out.printf(Locale.ROOT, "taking in %d applications (not measured)...%n", n);
		List<ObjectNode> forms = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			forms.add(CaseFlow.form());
		}
		apply(port, forms);
		List<String> caseNos = jdbc.sql("select case_no from case_file where status = 'AWAITING_CERTIFICATE'")
			.query(String.class)
			.list();

		System.out.printf(Locale.ROOT,
				"the hospital sends the %d death certificates, %d per request on %d threads: the cases are dispatched,"
						+ " the messages delivered to the simulated agencies...%n",
				n, CHUNK, threads);
		if (phases) {
			// dispatch first, the relay held; then delivery alone
			camel.getRouteController().suspendRoute("outbox-relay");
		}
		long start = System.nanoTime();
		long cpuStart = cpu();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> chunks = new ArrayList<>();
		for (int from = 0; from < forms.size(); from += CHUNK) {
			ObjectNode body = JSON.createObjectNode();
			ArrayNode records = body.putArray("records");
			forms.subList(from, Math.min(from + CHUNK, forms.size()))
				.forEach((form) -> records.add(CaseFlow.certificate(form)));
			chunks.add(pool.submit(() -> {
				HubApi.Response receipt = flow.api().postJson("/api/v1/certificates", HubApi.HOSPITAL, body.toString());
				if (receipt.status() != 200 || receipt.body().contains("REJECTED")) {
					throw new IllegalStateException("certificates refused: " + receipt.body());
				}
			}));
		}
		for (Future<?> chunk : chunks) {
			chunk.get();
		}
		pool.shutdown();
		long dispatched = System.nanoTime();
		long cpuDispatched = cpu();
		int messages = jdbc.sql("select count(*) from outbox_message").query(Integer.class).single();
		if (phases) {
			System.out.printf(Locale.ROOT, "dispatched; delivering %d messages...%n", messages);
			camel.getRouteController().resumeRoute("outbox-relay");
		}
		int left = messages;
		while (left > 0) {
			Thread.sleep(100);
			left = jdbc.sql("select count(*) from outbox_message where status in ('PENDING', 'BATCHED')")
				.query(Integer.class)
				.single();
		}
		long delivered = System.nanoTime();
		long cpuDelivered = cpu();

		double dispatchSeconds = (dispatched - start) / 1e9;
		double totalSeconds = (delivered - start) / 1e9;
		double deliverySeconds = (delivered - dispatched) / 1e9;
		int parked = jdbc.sql("select count(*) from outbox_message where status = 'PARKED'")
			.query(Integer.class)
			.single();
		int repeats = jdbc.sql("select coalesce(sum(repeats), 0) from agency_simulator.received_message")
			.query(Integer.class)
			.single();
		int refused = jdbc.sql("select count(*) from agency_simulator.rejected_message").query(Integer.class).single();
		System.out.printf(Locale.ROOT,
				"%ncertificates and dispatch: %d cases, %d messages in the outbox in %.1f s = %.0f cases/s%n",
				caseNos.size(), messages, dispatchSeconds, caseNos.size() / dispatchSeconds);
		System.out.printf(Locale.ROOT,
				"end to end : %d cases, %d messages delivered in %.1f s = %.0f cases/s, %.0f messages/s%n",
				caseNos.size(), messages - parked, totalSeconds, caseNos.size() / totalSeconds,
				(messages - parked) / totalSeconds);
		if (phases) {
			System.out.printf(Locale.ROOT, "delivery alone: %d messages in %.1f s = %.0f messages/s%n",
					messages - parked, deliverySeconds, (messages - parked) / deliverySeconds);
		}
		System.out.printf(Locale.ROOT,
				"CPU of this JVM (hub + simulated agencies; PostgreSQL not counted): %.1f ms per case, %.2f ms per message"
						+ " (certificates and dispatch %.1f ms per case, delivery %.2f ms per message)%n",
				(cpuDelivered - cpuStart) / 1e6 / caseNos.size(), (cpuDelivered - cpuStart) / 1e6 / messages,
				(cpuDispatched - cpuStart) / 1e6 / caseNos.size(), (cpuDelivered - cpuDispatched) / 1e6 / messages);
		System.out.printf(Locale.ROOT, "check      : %d parked, %d repeats at the agencies, %d refused by them%n",
				parked, repeats, refused);
		System.out.println(new ObjectMapper().writeValueAsString(jdbc.sql("""
				select agency, count(*) as messages from outbox_message group by agency order by agency
				""").query().listOfRows()));
	}

	/** CPU time of this process, all threads, in nanoseconds. */
	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static void apply(int port, List<ObjectNode> forms) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService clients = Executors.newFixedThreadPool(16);
		List<Future<Integer>> answers = new ArrayList<>();
		for (ObjectNode form : forms) {
			answers.add(clients.submit(
					() -> http
						.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/applications"))
							.timeout(Duration.ofSeconds(60))
							.header("X-Api-Key", "demo-web-key")
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
							.build(), HttpResponse.BodyHandlers.discarding())
						.statusCode()));
		}
		for (Future<Integer> answer : answers) {
			if (answer.get() != 201) {
				throw new IllegalStateException("an application was refused: " + answer.get());
			}
		}
		clients.shutdown();
	}

}
