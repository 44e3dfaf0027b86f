package cn.shanxi.lianban.delivery;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.shanxi.lianban.LianbanApplication;

/**
 * The simulated agencies in a JVM of their own, as the agencies are other machines in
 * production (DispatchBenchmark {@code agencies=separate}): a second hub process on the
 * main classpath (without the tests' configuration), on the same database, with only its
 * simulated agencies at work — its relay never polls, its notifications and replies are
 * off. The benchmark's hub points its agencies' endpoints at this process's ports.
 */
final class AgenciesJvm implements AutoCloseable {

	private final Process process;

	private final int httpPort;

	private final int sftpPort;

	private AgenciesJvm(Process process, int httpPort, int sftpPort) {
		this.process = process;
		this.httpPort = httpPort;
		this.sftpPort = sftpPort;
	}

	/** Two free ports for the agencies: HTTP and SFTP. */
	static int[] freePorts() throws IOException {
		try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
			return new int[] { a.getLocalPort(), b.getLocalPort() };
		}
	}

	/** Starts the agencies on the hub's database and waits until both ports answer. */
	static AgenciesJvm start(String databaseUrl, int httpPort, int sftpPort, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(mainClasspath());
		command.add(LianbanApplication.class.getName());
		command.add("--server.port=0");
		command.add("--spring.main.banner-mode=off");
		command.add("--logging.level.root=WARN");
		command.add("--lianban.dropbox.enabled=false");
		command.add("--lianban.simulator.agencies.http-port=" + httpPort);
		command.add("--lianban.simulator.agencies.sftp-port=" + sftpPort);
		command.add("--lianban.simulator.agencies.sftp-root=target/bench-agency-sftp");
		command.add("--lianban.simulator.replies.auto=false");
		// the hub's own work stays with the benchmark's hub
		command.add("--lianban.delivery.poll-delay=86400000");
		command.add("--lianban.delivery.poll-period=86400000");
		command.add("--lianban.notifications.delivery-enabled=false");
		command.add("--lianban.sla.overdue-check.interval=P1D");
		command.add("--lianban.sla.overdue-check.initial-delay=P1D");
		command.add("--lianban.replies.files.delay=86400000");
		command.add("--lianban.replies.staging.delay=86400000");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("LIANBAN_DB_URL", databaseUrl);
		builder.environment().put("LIANBAN_DB_USER", "postgres");
		builder.environment().put("LIANBAN_DB_PASSWORD", "");
		builder.environment().put("LIANBAN_DB_POOL_SIZE", "24");
		AgenciesJvm agencies = new AgenciesJvm(builder.start(), httpPort, sftpPort);
		agencies.awaitPorts(Duration.ofMinutes(4), log);
		return agencies;
	}

	private void awaitPorts(Duration patience, Path log) throws IOException {
		Instant deadline = Instant.now().plus(patience);
		while (!(answers(this.httpPort) && answers(this.sftpPort))) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the agencies' JVM stopped: " + tail(log));
			}
			if (Instant.now().isAfter(deadline)) {
				close();
				throw new IllegalStateException("the agencies' JVM did not answer in time: " + tail(log));
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static boolean answers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String tail(Path log) throws IOException {
		String text = Files.readString(log);
		return text.substring(Math.max(0, text.length() - 2000));
	}

	/**
	 * The classpath of this run less the test classes (and so the tests' configuration).
	 */
	private static String mainClasspath() {
		ClassLoader loader = AgenciesJvm.class.getClassLoader();
		List<String> entries = new ArrayList<>();
		if (loader instanceof URLClassLoader urls) {
			for (URL url : urls.getURLs()) {
				entries.add(path(url));
			}
		}
		else {
			entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
		}
		return String.join(File.pathSeparator,
				entries.stream().filter((e) -> !e.replace('\\', '/').endsWith("target/test-classes")).toList());
	}

	private static String path(URL url) {
		try {
			String path = Path.of(url.toURI()).toString();
			return path.endsWith(File.separator) ? path.substring(0, path.length() - 1) : path;
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** CPU time of the agencies' process so far, in nanoseconds (from /proc). */
	long cpu() {
		try {
			String stat = Files.readString(Path.of("/proc/" + this.process.pid() + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
