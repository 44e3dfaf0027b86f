package cn.shanxi.lianban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP over loopback to the hub under test. */
public final class HubApi {

	public static final String WEB = "demo-web-key";

	public static final String WINDOW = "demo-window-key";

	public static final String OPERATOR = "demo-operator-key";

	public static final String HOSPITAL = "demo-hospital-key";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public HubApi(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Response post(String path, String apiKey, String contentType, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request, apiKey, headers);
	}

	public Response postJson(String path, String apiKey, String json, String... headers) {
		return post(path, apiKey, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
	}

	public Response get(String path, String apiKey) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30)).GET(), apiKey);
	}

	private Response send(HttpRequest.Builder request, String apiKey, String... headers) {
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: status, headers, body as text and as JSON. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public JsonNode json() {
			try {
				return JSON.readTree(this.raw.body());
			}
			catch (IOException ex) {
				throw new AssertionError("Not JSON (" + status() + "): " + this.raw.body(), ex);
			}
		}

	}

}
