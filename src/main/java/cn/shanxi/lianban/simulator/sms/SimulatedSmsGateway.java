package cn.shanxi.lianban.simulator.sms;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.support.Masking;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pretend SMS gateway for the embedded default ({@code lianban.simulator.sms.enabled}):
 * takes {@code POST /simulator/sms/messages} as the hub sends them, keeps what it
 * received, and can be told to fail the next N requests ({@code POST
 * /simulator/sms/failures?count=N}) to show the hub's retries. Never in production.
 */
@RestController
@RequestMapping("/simulator/sms")
@ConditionalOnProperty(name = "lianban.simulator.sms.enabled", havingValue = "true")
public class SimulatedSmsGateway {

	private static final Logger log = LoggerFactory.getLogger(SimulatedSmsGateway.class);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresToGo = new AtomicInteger();

	/** Only messages to this phone fail, when set: other cases' texts keep flowing. */
	private volatile String failingPhone;

	private final AtomicInteger attempts = new AtomicInteger();

	/** The request the hub sends. */
	public record Sms(String messageId, String phone, String text, String event) {
	}

	/** A message as the gateway took it. */
	public record Received(Instant at, String idempotencyKey, Sms sms) {
	}

	@PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> send(@RequestBody Sms sms,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		this.attempts.incrementAndGet();
		String only = this.failingPhone;
		boolean targeted = only == null || only.equals(sms.phone());
		if (targeted && this.failuresToGo.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			log.info("Simulated SMS gateway: failing {} to {} as told", sms.messageId(), Masking.mask(sms.phone()));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("accepted", false));
		}
		this.received.add(new Received(Instant.now(), key, sms));
		log.info("Simulated SMS gateway: {} to {}: {}", sms.messageId(), Masking.mask(sms.phone()), sms.text());
		return ResponseEntity.ok(Map.of("accepted", true, "messageId", sms.messageId()));
	}

	/** What was received, newest last; phone numbers masked (a demo page, not a log). */
	@GetMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Received> list() {
		return this.received.stream()
			.map((r) -> new Received(r.at(), r.idempotencyKey(),
					new Sms(r.sms().messageId(), Masking.mask(r.sms().phone()), r.sms().text(), r.sms().event())))
			.toList();
	}

	@PostMapping("/failures")
	Map<String, Integer> failures(@RequestParam int count) {
		failNext(count);
		return Map.of("failuresToGo", this.failuresToGo.get());
	}

	/** Fails the next {@code count} requests with 503. */
	public void failNext(int count) {
		failNext(count, null);
	}

	/**
	 * Fails the next {@code count} requests to {@code phone} (any phone when null) with
	 * 503.
	 */
	public void failNext(int count, String phone) {
		this.failingPhone = phone;
		this.failuresToGo.set(Math.max(0, count));
	}

	/** Every message received, phones as sent. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Requests seen, failed ones included. */
	public int attempts() {
		return this.attempts.get();
	}

}
