package cn.shanxi.lianban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.shanxi.lianban.support.IdNumbers;

/**
 * Real HTTP over loopback to the hub under test. A credential is a machine client's API
 * key or a person's {@code Basic …} (see {@link #person}). A channel acts for the
 * family's applicant ({@code X-On-Behalf-Of}): unless a test gives the header itself,
 * this helper sends the applicant of the form it posts, and for a case it applied for,
 * that case's applicant — so a test reads its own cases as the family would. A channel's
 * real-name authentication always yields a valid ID number, so where the posted form
 * names no valid applicant (a test of a broken form or body) the helper names
 * {@link #AUTHENTICATED_PERSON}, as the channel would; {@link #NO_ONE} as the header's
 * value sends no header at all.
 */
public final class HubApi {

	public static final String WEB = "demo-web-key";

	public static final String WINDOW = "demo-window-key";

	public static final String APP = "demo-app-key";

	public static final String MINI_PROGRAM = "demo-mini-program-key";

	public static final String HOSPITAL = "demo-hospital-key";

	public static final String MONITOR = "demo-monitor-key";

	/* Demo people of the embedded default (application.yaml, lianban.accounts). */

	public static final String OPERATOR = person("operator", "demo-operator-password");

	public static final String CLERK = person("clerk", "demo-clerk-password");

	public static final String SUPERVISOR = person("supervisor", "demo-supervisor-password");

	public static final String AUDITOR = person("auditor", "demo-auditor-password");

	public static final String ADMIN = person("admin", "demo-admin-password");

	/**
	 * The person a channel authenticated, named when the posted form names no valid
	 * applicant.
	 */
	public static final String AUTHENTICATED_PERSON = TestIds.next("140109");

	/**
	 * As the value of {@code X-On-Behalf-Of}: send no such header (a channel naming no
	 * one).
	 */
	public static final String NO_ONE = "<no one>";

	private static final Set<String> CHANNELS = Set.of(WEB, WINDOW, APP, MINI_PROGRAM);

	/** Case number → its applicant's ID number, for every case applied for here. */
	private static final Map<String, String> APPLICANTS = new ConcurrentHashMap<>();

	private static final Pattern APPLICANT_ID = Pattern
		.compile("\"applicant\"\\s*:\\s*\\{[^}]*?\"idNumber\"\\s*:\\s*\"([0-9Xx]{18})\"");

	private static final Pattern CASE_PATH = Pattern.compile("/api/v1/applications/(SX\\d+)(/.*)?");

	/** A person's credential for HTTP Basic (a script's way to call as a person). */
	public static String person(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** The ID number of the applicant of a case applied for through this helper. */
	public static String applicantOf(String caseNo) {
		return APPLICANTS.get(caseNo);
	}

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
		String applicant = null;
		if (apiKey != null && CHANNELS.contains(apiKey) && path.equals("/api/v1/applications")
				&& !has(headers, "X-On-Behalf-Of")) {
			Matcher m = APPLICANT_ID.matcher(new String(body, StandardCharsets.UTF_8));
			applicant = (m.find() && IdNumbers.isValid(m.group(1))) ? m.group(1) : AUTHENTICATED_PERSON;
		}
		Response answer = send(request, apiKey, path, applicant, headers);
		if (answer.status() == 201 && path.equals("/api/v1/applications")) {
			String caseNo = answer.json().path("caseNo").asText();
			String by = (applicant != null) ? applicant : value(headers, "X-On-Behalf-Of");
			if (by != null && !by.equals(NO_ONE) && !caseNo.isEmpty()) {
				APPLICANTS.put(caseNo, by);
			}
		}
		return answer;
	}

	public Response postJson(String path, String apiKey, String json, String... headers) {
		return post(path, apiKey, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
	}

	public Response patchJson(String path, String credential, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)), credential, path, null);
	}

	public Response get(String path, String apiKey, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30)).GET(), apiKey,
				path, null, headers);
	}

	private Response send(HttpRequest.Builder request, String credential, String path, String applicant,
			String... headers) {
		if (credential != null && credential.startsWith("Basic ")) {
			request.header("Authorization", credential);
		}
		else if (credential != null) {
			request.header("X-Api-Key", credential);
		}
		if (credential != null && CHANNELS.contains(credential) && !has(headers, "X-On-Behalf-Of")) {
			Matcher m = CASE_PATH.matcher(path.replaceFirst("\\?.*", ""));
			String person = (applicant != null) ? applicant : m.matches() ? APPLICANTS.get(m.group(1)) : null;
			if (person != null) {
				request.header("X-On-Behalf-Of", person);
			}
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			if (!NO_ONE.equals(headers[i + 1])) {
				request.header(headers[i], headers[i + 1]);
			}
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

	private static boolean has(String[] headers, String name) {
		return value(headers, name) != null;
	}

	private static String value(String[] headers, String name) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			if (headers[i].equalsIgnoreCase(name)) {
				return headers[i + 1];
			}
		}
		return null;
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
