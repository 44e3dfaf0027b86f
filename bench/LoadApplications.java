import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts valid applications from N concurrent clients and prints applications/s and latency
 * percentiles. Plain JDK, run as a single-file program (see bench/applications.sh). Each client
 * is one thread on one keep-alive HTTP/1.1 connection, written and read by hand: the JDK's
 * HttpClient spent more CPU per request than the hub's own request handling, on the same two
 * cores, which made the figure a measure of the load generator.
 *
 * java bench/LoadApplications.java http://127.0.0.1:8080 demo-web-key 64 30 10 form.json
 *
 * arguments: base URL, API key, clients, measured seconds, warm-up seconds, example form. Every
 * request carries a different deceased ID number (valid GB 11643 check character).
 */
public class LoadApplications {

	private static final int[] W = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] C = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final String EXAMPLE_ID = "140105195001010018";

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String key = args[1];
		int clients = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		int warmup = Integer.parseInt(args[4]);
		String template = Files.readString(Path.of(args[5]));
		java.util.regex.Matcher applicant = java.util.regex.Pattern
			.compile("\"applicant\"\\s*:\\s*\\{[^}]*?\"idNumber\"\\s*:\\s*\"([0-9X]{18})\"")
			.matcher(template);
		APPLICANT = applicant.find() ? applicant.group(1) : "";
		URI uri = URI.create(base);
		AtomicInteger serial = new AtomicInteger();
		long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
		long end = warmEnd + seconds * 1_000_000_000L;
		long[][] latencies = new long[clients][];
		AtomicLong errors = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			Thread t = new Thread(() -> {
				long[] mine = new long[1 << 16];
				int n = 0;
				Connection http = new Connection(uri.getHost(), uri.getPort(), key);
				try {
					while (true) {
						long start = System.nanoTime();
						if (start >= end) {
							break;
						}
						String body = template.replace(EXAMPLE_ID, id(serial.incrementAndGet()));
						int status;
						try {
							status = http.post("/api/v1/applications", body.getBytes(StandardCharsets.UTF_8));
						}
						catch (IOException ex) {
							http.close();
							status = -1;
						}
						long took = System.nanoTime() - start;
						if (start < warmEnd) {
							continue;
						}
						if (status != 201) {
							errors.incrementAndGet();
							continue;
						}
						if (n == mine.length) {
							mine = Arrays.copyOf(mine, n * 2);
						}
						mine[n++] = took;
					}
				}
				finally {
					http.close();
					latencies[client] = Arrays.copyOf(mine, n);
					done.countDown();
				}
			});
			t.start();
		}
		done.await();
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		System.out.printf("clients=%d seconds=%d applications=%d errors=%d%n", clients, seconds, all.length,
				errors.get());
		System.out.printf("throughput: %.0f applications/s%n", all.length / (double) seconds);
		System.out.printf("latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(all, 50), pct(all, 90), pct(all, 99),
				all.length > 0 ? all[all.length - 1] / 1e6 : 0);
	}

	private static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
	}

	/** A valid ID number registered in Taiyuan, born 1930-1989, distinct for each n. */
	static String id(int n) {
		String body = String.format("140105%04d%02d%02d%03d", 1930 + (n / 28000) % 60, 1 + (n / 1000) % 12,
				1 + (n % 28), n % 1000);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * W[i];
		}
		return body + C[sum % 11];
	}

	/** One keep-alive HTTP/1.1 connection; reopened when the server closes it. */
	/** The form's applicant, whom the channel acts for ({@code X-On-Behalf-Of}). */
	private static String APPLICANT = "";

	static final class Connection {

		private final String host;

		private final int port;

		private final String key;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		Connection(String host, int port, String key) {
			this.host = host;
			this.port = port;
			this.key = key;
		}

		/** Sends the request, reads the whole answer and returns its status. */
		int post(String path, byte[] body) throws IOException {
			if (this.socket == null) {
				this.socket = new Socket(this.host, this.port);
				this.socket.setTcpNoDelay(true);
				this.socket.setSoTimeout(30_000);
				this.out = this.socket.getOutputStream();
				this.in = new BufferedInputStream(this.socket.getInputStream(), 16384);
			}
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.host + ":" + this.port
					+ "\r\nContent-Type: application/json\r\nX-Api-Key: " + this.key
					// the channel applies for the person it authenticated: the form's applicant
					+ "\r\nX-On-Behalf-Of: " + APPLICANT + "\r\nContent-Length: "
					+ body.length + "\r\n\r\n";
			byte[] h = head.getBytes(StandardCharsets.US_ASCII);
			byte[] request = Arrays.copyOf(h, h.length + body.length);
			System.arraycopy(body, 0, request, h.length, body.length);
			this.out.write(request);
			this.out.flush();
			String statusLine = line();
			int status = Integer.parseInt(statusLine.substring(9, 12));
			int length = -1;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase();
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(lower.substring(15).trim());
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
				else if (lower.startsWith("transfer-encoding:")) {
					throw new IOException("chunked answers are not expected: " + header);
				}
			}
			if (length < 0) {
				throw new IOException("answer without Content-Length");
			}
			this.in.readNBytes(length);
			if (close) {
				close();
			}
			return status;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b < 0) {
					throw new IOException("connection closed");
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}

		void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ignored) {
					// closing a connection we no longer use
				}
				this.socket = null;
			}
		}

	}

}
