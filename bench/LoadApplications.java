import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts valid applications from N concurrent clients and prints applications/s and latency
 * percentiles. Plain JDK, run as a single-file program (see bench/applications.sh):
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
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
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
				try {
					while (true) {
						long start = System.nanoTime();
						if (start >= end) {
							break;
						}
						String body = template.replace(EXAMPLE_ID, id(serial.incrementAndGet()));
						HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
							.timeout(Duration.ofSeconds(30))
							.header("Content-Type", "application/json")
							.header("X-Api-Key", key)
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build();
						int status;
						try {
							status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						}
						catch (Exception ex) {
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

}
