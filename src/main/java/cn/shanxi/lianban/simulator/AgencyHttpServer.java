package cn.shanxi.lianban.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The HTTP agencies (health, police, police traffic, HR & SS, medical insurance, and any
 * configured with transport HTTP): {@code POST /agencies/<CODE>} on a port of their own,
 * as a real agency is another server. Each message is checked by {@link AgencyDesk}.
 */
final class AgencyHttpServer {

	private static final Logger log = LoggerFactory.getLogger(AgencyHttpServer.class);

	static final String PATH = "/agencies/";

	static {
		// The JDK's server writes an answer's head and body apart; with Nagle's
		// algorithm on, the body waited for the hub's delayed ACK, 40 ms per message.
		// Read once, when the first server of the JVM starts: this is the only one.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final AgencyDesk desk;

	private final HttpServer server;

	private final ExecutorService threads;

	AgencyHttpServer(AgencyDesk desk, String bindAddress, int port) {
		this.desk = desk;
		CustomizableThreadFactory factory = new CustomizableThreadFactory("simulated-agency-http-");
		factory.setDaemon(true);
		this.threads = new ThreadPoolExecutor(64, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
		try {
			this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 256);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Simulated agencies: cannot listen on " + bindAddress + ":" + port, ex);
		}
		this.server.setExecutor(this.threads);
		this.server.createContext(PATH, this::handle);
	}

	void start() {
		this.server.start();
		log.info("Simulated HTTP agencies listening on {}:{}{}<AGENCY>", this.server.getAddress().getHostString(),
				port(), PATH);
	}

	void stop() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String agency = exchange.getRequestURI().getPath().substring(PATH.length());
			if (!"POST".equals(exchange.getRequestMethod())) {
				answer(exchange,
						new AgencyDesk.Answer(405, "text/plain", "POST only".getBytes(StandardCharsets.UTF_8)));
				return;
			}
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String dedupKey = exchange.getRequestHeaders().getFirst("X-Lianban-Dedup-Key");
			answer(exchange, this.desk.http(agency, body, dedupKey));
		}
		catch (RuntimeException ex) {
			log.warn("Simulated agency failed on {}", exchange.getRequestURI(), ex);
			answer(exchange, new AgencyDesk.Answer(500, "text/plain",
					("simulator error: " + ex.getMessage()).getBytes(StandardCharsets.UTF_8)));
		}
		finally {
			exchange.close();
		}
	}

	private static void answer(HttpExchange exchange, AgencyDesk.Answer answer) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), (answer.body().length == 0) ? -1 : answer.body().length);
		if (answer.body().length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
	}

}
