package cn.shanxi.lianban.simulator.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agencies' supervisors of the embedded default
 * ({@code lianban.simulator.supervisors.enabled}): the escalation webhooks land in
 * {@code POST /simulator/supervisors/{agency}} and can be read back. Never in production.
 */
@RestController
@RequestMapping("/simulator/supervisors")
@ConditionalOnProperty(name = "lianban.simulator.supervisors.enabled", havingValue = "true")
public class SimulatedSupervisors {

	private static final Logger log = LoggerFactory.getLogger(SimulatedSupervisors.class);

	private final List<Escalation> received = new CopyOnWriteArrayList<>();

	/** One escalation as the supervisor received it. */
	public record Escalation(Instant at, String agency, JsonNode body) {
	}

	@PostMapping(path = "/{agency}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> receive(@PathVariable String agency, @RequestBody JsonNode body) {
		this.received.add(new Escalation(Instant.now(), agency, body));
		log.info("Simulated supervisor of {}: {} {} overdue", agency, body.path("caseNo").asText(),
				body.path("item").asText());
		return Map.of("received", true);
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	public List<Escalation> received() {
		return List.copyOf(this.received);
	}

}
