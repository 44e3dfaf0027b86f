package cn.shanxi.lianban.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.CamelContext;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.LianbanApplication;
import cn.shanxi.lianban.MachineSpeed;
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
 * Arguments: cases (default 10,000: long enough that the autovacuum stand-in's runs
 * average out), dispatch threads (default 2: certificate chunks arriving at once),
 * {@code warmup=} cases before them (default 30,000: the JIT's steady state). The hub
 * runs in this JVM on a fresh database of the local PostgreSQL, its simulated agencies
 * too; the applications are taken in first over HTTP (not measured), then the
 * certificates arrive in chunks of 100 cases per transaction, as a partner file does, and
 * the clock runs until the last message is delivered.
 */
public final class DispatchBenchmark {

	private static final int CHUNK = 100;

	private DispatchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> numbers = new ArrayList<>();
		boolean phases = false;
		int warmUp = 30000;
		boolean separate = false;
		boolean sms = false;
		List<String> settings = new ArrayList<>(List.of("--server.port=0", "--lianban.dropbox.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--logging.level.cn.shanxi.lianban.simulator.SimulatedAgencies=ERROR"));
		for (String arg : args) {
			if (arg.startsWith("--")) {
				// a setting of the hub, e.g. --lianban.agencies.HRSS.concurrency=16
				settings.add(arg);
			}
			else if (arg.equals("phases")) {
				phases = true;
			}
			else if (arg.equals("agencies=separate")) {
				separate = true;
			}
			else if (arg.equals("sms=on")) {
				sms = true;
			}
			else if (arg.startsWith("warmup=")) {
				warmUp = Integer.parseInt(arg.substring("warmup=".length()));
			}
			else if (!arg.isBlank()) {
				numbers.add(arg);
			}
		}
		System.out.println(MachineSpeed.describe());
		if (!sms && settings.stream().noneMatch((a) -> a.startsWith("--lianban.notifications.delivery-enabled"))) {
			// The applications taken in before the rounds queue two SMS each for the
			// family; the relay sends them at 20 a second all through the rounds, work
			// that has nothing to do with dispatch (≈ 1.5 ms per case of CPU).
			settings.add("--lianban.notifications.delivery-enabled=false");
			System.out.println("sms        : the family SMS relay is held (sms=on to keep it sending the "
					+ "applications' SMS during the rounds)");
		}
		int n = (numbers.size() > 0) ? Integer.parseInt(numbers.get(0)) : 10000;
		int threads = (numbers.size() > 1) ? Integer.parseInt(numbers.get(1)) : 2;
		int[] agencyPorts = AgenciesJvm.freePorts();
		if (separate) {
			// the agencies answer from their own JVM (AgenciesJvm), on these ports
			settings.add("--lianban.simulator.agencies.enabled=false");
			settings.add("--lianban.simulator.agencies.http-port=" + agencyPorts[0]);
			settings.add("--lianban.simulator.agencies.sftp-port=" + agencyPorts[1]);
		}
		ConfigurableApplicationContext hub = new SpringApplicationBuilder(LianbanApplication.class)
			.run(settings.toArray(String[]::new));
		AgenciesJvm agencies = null;
		AutovacuumStandIn vacuum = AutovacuumStandIn.startIfOff(hub.getBean(JdbcClient.class));
		try {
			if (separate) {
				System.out.println("starting the simulated agencies in a JVM of their own...");
				agencies = AgenciesJvm.start(hub.getEnvironment().getProperty("spring.datasource.url"), agencyPorts[0],
						agencyPorts[1], Path.of("target/bench-agencies.log"));
			}
			run(hub, n, threads, phases, warmUp, agencies);
			if (vacuum != null) {
				System.out.println("autovacuum stand-in: " + vacuum.done());
			}
		}
		finally {
			if (vacuum != null) {
				vacuum.close();
			}
			if (agencies != null) {
				agencies.close();
			}
			hub.close();
		}
	}

	private static void run(ConfigurableApplicationContext hub, int n, int threads, boolean phases, int warmUp,
			AgenciesJvm agencies) throws Exception {
		int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
		System.out.printf(Locale.ROOT, "taking in %d applications (not measured)...%n", warmUp + n);
		List<ObjectNode> forms = new ArrayList<>();
		for (int i = 0; i < warmUp + n; i++) {
			forms.add(CaseFlow.form());
		}
		apply(port, forms);
		// only the certificates are sent from now on: kept as text, not as the forms'
		// JSON
		// trees (40,000 of them held for the whole run gave the hub's collector a live
		// set
		// of the benchmark's own to mark)
		List<String> certificates = new ArrayList<>(forms.size());
		forms.forEach((form) -> certificates.add(CaseFlow.certificate(form).toString()));
		forms.clear();
		if (warmUp > 0) {
			// a running hub has long finished compiling. Here C2 still compiles about
			// 20 methods a second after 20,000 cases (first compilations of the long
			// tail of Camel, the HTTP client, sshd, pgjdbc, Jackson, not a deopt loop):
			// a fifth of the measured round's JVM CPU after 6,000 cases, an eighth after
			// 40,000
			System.out.printf(Locale.ROOT, "%nwarm-up (not counted): %d cases%n", warmUp);
			round(hub, certificates.subList(0, warmUp), threads, false, agencies);
		}
		System.out.printf(Locale.ROOT, "%nmeasured: %d cases%n", n);
		round(hub, certificates.subList(warmUp, certificates.size()), threads, phases, agencies);
		System.out.printf(Locale.ROOT,
				"machine    : the reference job takes %.0f ms after the measured round (far from the first"
						+ " figure: the machine changed speed during the run, so its CPU figures compare badly)%n",
				MachineSpeed.medianMillis());
	}

	private static void round(ConfigurableApplicationContext hub, List<String> certificates, int threads,
			boolean phases, AgenciesJvm agencies) throws Exception {
		CamelContext camel = hub.getBean(CamelContext.class);
		int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
		JdbcClient jdbc = hub.getBean(JdbcClient.class);
		CaseFlow flow = new CaseFlow(hub, port);
		long before = jdbc.sql("select coalesce(max(id), 0) from outbox_message").query(Long.class).single();
		int parkedBefore = parked(jdbc);
		int repeatsBefore = repeats(jdbc);
		int refusedBefore = refused(jdbc);
		int cases = certificates.size();
		System.out.printf(Locale.ROOT,
				"the hospital sends the %d death certificates, %d per request on %d threads: the cases are dispatched,"
						+ " the messages delivered to the simulated agencies...%n",
				cases, CHUNK, threads);
		if (phases) {
			// dispatch first, the relay held; then delivery alone
			camel.getRouteController().suspendRoute("outbox-relay");
		}
		boolean statements = resetStatements(jdbc);
		long start = System.nanoTime();
		long cpuStart = cpu();
		long agenciesStart = (agencies != null) ? agencies.cpu() : 0;
		long pgStart = postgresCpu(jdbc);
		Map<String, Long> threadsStart = threadCpu();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> chunks = new ArrayList<>();
		for (int from = 0; from < cases; from += CHUNK) {
			String body = "{\"records\":[" + String.join(",", certificates.subList(from, Math.min(from + CHUNK, cases)))
					+ "]}";
			chunks.add(pool.submit(() -> {
				HubApi.Response receipt = flow.api().postJson("/api/v1/certificates", HubApi.HOSPITAL, body);
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
		long pgDispatched = postgresCpu(jdbc);
		int messages = jdbc.sql("select count(*) from outbox_message where id > ?")
			.param(before)
			.query(Integer.class)
			.single();
		if (phases) {
			System.out.printf(Locale.ROOT, "dispatched; delivering %d messages...%n", messages);
			camel.getRouteController().resumeRoute("outbox-relay");
		}
		boolean left = messages > 0;
		while (left) {
			Thread.sleep(200);
			// anything still to send: a due message or batch file (a batched
			// message is in one); asked on the relay's partial indexes, not by
			// counting the outbox
			left = jdbc.sql("""
					select exists (select 1 from outbox_message where status = 'PENDING')
					  or exists (select 1 from outbox_batch where status = 'PENDING')
					""").query(Boolean.class).single();
		}
		long delivered = System.nanoTime();
		long cpuDelivered = cpu();
		long agenciesDelivered = (agencies != null) ? agencies.cpu() : 0;
		long pgDelivered = postgresCpu(jdbc);
		Map<String, Long> threadsDelivered = threadCpu();

		double dispatchSeconds = (dispatched - start) / 1e9;
		double totalSeconds = (delivered - start) / 1e9;
		double deliverySeconds = (delivered - dispatched) / 1e9;
		int parked = parked(jdbc) - parkedBefore;
		int repeats = repeats(jdbc) - repeatsBefore;
		int refused = refused(jdbc) - refusedBefore;
		System.out.printf(Locale.ROOT,
				"certificates and dispatch: %d cases, %d messages in the outbox in %.1f s = %.0f cases/s%n", cases,
				messages, dispatchSeconds, cases / dispatchSeconds);
		System.out.printf(Locale.ROOT,
				"end to end : %d cases, %d messages delivered in %.1f s = %.0f cases/s, %.0f messages/s%n", cases,
				messages - parked, totalSeconds, cases / totalSeconds, (messages - parked) / totalSeconds);
		if (phases) {
			System.out.printf(Locale.ROOT, "delivery alone: %d messages in %.1f s = %.0f messages/s%n",
					messages - parked, deliverySeconds, (messages - parked) / deliverySeconds);
		}
		if (agencies != null) {
			System.out.printf(Locale.ROOT,
					"CPU of the simulated agencies' own JVM: %.1f ms per case, %.2f ms per message (not in this JVM's)%n",
					(agenciesDelivered - agenciesStart) / 1e6 / cases,
					(agenciesDelivered - agenciesStart) / 1e6 / messages);
		}
		System.out.printf(Locale.ROOT,
				"CPU of this JVM (%s; PostgreSQL not counted): %.1f ms per case, %.2f ms per message"
						+ " (certificates and dispatch %.1f ms per case, delivery %.2f ms per message)%n",
				(agencies != null) ? "the hub alone" : "hub + simulated agencies",
				(cpuDelivered - cpuStart) / 1e6 / cases, (cpuDelivered - cpuStart) / 1e6 / messages,
				(cpuDispatched - cpuStart) / 1e6 / cases, (cpuDelivered - cpuDispatched) / 1e6 / messages);
		if (pgStart >= 0 && pgDispatched >= 0 && pgDelivered >= 0) {
			System.out.printf(Locale.ROOT,
					"CPU of PostgreSQL (this database's backends): %.1f ms per case, %.2f ms per message"
							+ " (certificates and dispatch %.1f ms per case, delivery %.2f ms per message)%n",
					(pgDelivered - pgStart) / 1e6 / cases, (pgDelivered - pgStart) / 1e6 / messages,
					(pgDispatched - pgStart) / 1e6 / cases, (pgDelivered - pgDispatched) / 1e6 / messages);
		}
		double jit = printThreads(threadsStart, threadsDelivered, cases);
		if (pgStart >= 0 && pgDelivered >= 0 && agencies == null) {
			// what two cores would do once the JIT is done (a hub running for days):
			// a bound from the CPU per case, not a measured rate
			double perCase = (cpuDelivered - cpuStart) / 1e6 / cases - jit + (pgDelivered - pgStart) / 1e6 / cases;
			System.out.printf(Locale.ROOT,
					"CPU per case without the JIT's compiler threads: %.1f ms (this JVM and PostgreSQL)"
							+ " = at most %.0f cases/s on two cores with nothing else to do%n",
					perCase, 2000 / perCase);
		}
		if (statements) {
			printStatements(jdbc, cases);
		}
		System.out.printf(Locale.ROOT, "check      : %d parked, %d repeats at the agencies, %d refused by them%n",
				parked, repeats, refused);
		// which agency finished last: the one that holds up the end-to-end figure
		System.out.println(new ObjectMapper().writeValueAsString(jdbc.sql("""
				select agency, count(*) as messages,
				  round(extract(epoch from max(delivered_at) - min(created_at))::numeric, 1) as seconds
				from outbox_message where id > ? group by agency order by agency
				""").param(before).query().listOfRows()));
	}

	/**
	 * CPU of this JVM's threads by kind (the name without its number: the JIT's compiler
	 * threads, the lanes' deliver-hrss-, the web server's http-nio-...), in ticks of 10
	 * ms, from /proc; empty where /proc cannot tell.
	 */
	private static Map<String, Long> threadCpu() {
		Map<String, Long> byKind = new TreeMap<>();
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return byKind;
		}
		try (var all = Files.list(tasks)) {
			for (Path task : all.toList()) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
						.replaceAll("[-#]?\\d+$", "");
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					byKind.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return Map.of();
		}
		return byKind;
	}

	/** Prints the CPU by thread kind; answers the JIT compilers' share, ms per case. */
	private static double printThreads(Map<String, Long> before, Map<String, Long> after, int cases) {
		Map<String, Long> spent = new HashMap<>();
		after.forEach((name, ticks) -> spent.put(name, ticks - before.getOrDefault(name, 0L)));
		long total = spent.values().stream().mapToLong(Long::longValue).sum();
		if (total <= 0) {
			return 0;
		}
		System.out.println("CPU of this JVM by thread kind (ms per case, share; threads that ended are not counted):");
		spent.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(14)
			.forEach((e) -> System.out.printf(Locale.ROOT, "  %-18s %6.2f ms %5.1f %%%n", e.getKey(),
					e.getValue() * 10.0 / cases, 100.0 * e.getValue() / total));
		return spent.entrySet()
			.stream()
			.filter((e) -> e.getKey().contains("CompilerThre"))
			.mapToLong(Map.Entry::getValue)
			.sum() * 10.0 / cases;
	}

	/**
	 * Starts pg_stat_statements afresh for this database, where the server loads it;
	 * answers whether it does.
	 */
	private static boolean resetStatements(JdbcClient jdbc) {
		try {
			jdbc.sql("create extension if not exists pg_stat_statements").update();
			jdbc.sql(
					"select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)")
				.query()
				.listOfRows();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static void printStatements(JdbcClient jdbc, int cases) {
		jdbc.sql("""
				select sum(calls), sum(total_exec_time) from pg_stat_statements
				where dbid = (select oid from pg_database where datname = current_database())
				""")
			.query((rs, n) -> String.format(Locale.ROOT,
					"PostgreSQL statements: %.1f per case, %.2f ms executing per case (pg_stat_statements)",
					rs.getDouble(1) / cases, rs.getDouble(2) / cases))
			.list()
			.forEach(System.out::println);
		System.out.println("PostgreSQL statements by time (ms, calls and rows per case):");
		jdbc.sql("""
				select total_exec_time, calls, rows, regexp_replace(query, '\\s+', ' ', 'g') as query
				from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
				order by total_exec_time desc limit 15
				""")
			.query((rs, n) -> String.format(Locale.ROOT, "  %6.2f ms %6.2f calls %7.2f rows  %.150s",
					rs.getDouble(1) / cases, rs.getDouble(2) / cases, rs.getDouble(3) / cases, rs.getString(4)))
			.list()
			.forEach(System.out::println);
	}

	private static int parked(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from outbox_message where status = 'PARKED'").query(Integer.class).single();
	}

	private static int repeats(JdbcClient jdbc) {
		return jdbc.sql("select coalesce(sum(repeats), 0) from agency_simulator.received_message")
			.query(Integer.class)
			.single();
	}

	private static int refused(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from agency_simulator.rejected_message").query(Integer.class).single();
	}

	/** CPU time of this process, all threads, in nanoseconds. */
	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU time of the PostgreSQL backends serving this database (the pools keep their
	 * connections, so before and after see the same backends), in nanoseconds; -1 when
	 * /proc cannot tell (another machine, another user).
	 */
	private static long postgresCpu(JdbcClient jdbc) {
		List<Integer> pids = jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
			.query(Integer.class)
			.list();
		long ticks = 0;
		for (int pid : pids) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				// fields 14 and 15 of stat (utime, stime), counted after the name
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				return -1;
			}
		}
		// clock ticks of 10 ms (USER_HZ 100 on Linux)
		return ticks * 10_000_000L;
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
							.header("X-On-Behalf-Of", form.path("applicant").path("idNumber").asText())
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
