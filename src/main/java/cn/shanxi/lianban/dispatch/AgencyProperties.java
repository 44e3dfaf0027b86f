package cn.shanxi.lianban.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.agencies.<CODE>}: the agencies the hub sends work to, so that a new
 * agency needs a route file, a mapping file and this block — no Java. Agencies of the
 * default catalogue take the work items {@link WorkItemType#defaultAgency()} gives them
 * unless another agency lists them in {@code items}.
 *
 * @param agencies by agency code (CONTRACT.md: HEALTH, POLICE_HUKOU, …)
 */
@ConfigurationProperties("lianban")
public record AgencyProperties(Map<String, Agency> agencies) {

	public AgencyProperties {
		agencies = (agencies != null) ? Map.copyOf(agencies) : Map.of();
	}

	/**
	 * One agency.
	 *
	 * @param title Chinese / English, for operators
	 * @param items work-item types it takes over from their default agency
	 * @param transport how its route reaches it (for the simulator and for operators; the
	 * route file decides)
	 * @param mapping the request mapping ({@code mappings/<id>.mapping.yaml}); none = the
	 * agency gets no message (e.g. the funeral home, whose record comes by itself)
	 * @param ackMapping the mapping of its synchronous answer, if it gives one
	 * @param route the Camel endpoint of its delivery route; default
	 * {@code direct:<code-in-kebab-case>-delivery}
	 * @param batchSize above 1: its messages go as batch files of up to this many records
	 * @param concurrency messages (or batches) in flight at once, per hub instance
	 * @param retry its retry policy; missing values from {@code lianban.delivery.retry}
	 * @param endpoint where its route connects (url, host, port, username, password,
	 * directory, …); read by the route file through placeholders
	 */
	public record Agency(String title, List<String> items, Transport transport, String mapping, String ackMapping,
			String route, Integer batchSize, Integer concurrency, Retry retry, Map<String, String> endpoint) {

		public Agency {
			items = (items != null) ? List.copyOf(items) : List.of();
			endpoint = (endpoint != null) ? Map.copyOf(endpoint) : Map.of();
		}

	}

	/** The transports the hub's routes use (DESIGN.md §2). */
	public enum Transport {

		HTTP, SFTP, SQL,
		/** Nothing is sent. */
		NONE

	}

	/**
	 * Exponential backoff with jitter: attempt n waits
	 * {@code min(maxDelay, initialDelay × multiplier^(n-1))}, spread by ± jitter.
	 *
	 * @param maxAttempts attempts before the message is PARKED
	 * @param initialDelay the wait after the first failure
	 * @param multiplier growth per failure
	 * @param maxDelay the longest wait
	 * @param jitter 0..1, the share of the wait that is random
	 */
	public record Retry(Integer maxAttempts, Duration initialDelay, Double multiplier, Duration maxDelay,
			Double jitter) {

		/** This policy, missing values taken from {@code defaults}. */
		public Retry orElse(Retry defaults) {
			if (defaults == null) {
				return this;
			}
			return new Retry((this.maxAttempts != null) ? this.maxAttempts : defaults.maxAttempts,
					(this.initialDelay != null) ? this.initialDelay : defaults.initialDelay,
					(this.multiplier != null) ? this.multiplier : defaults.multiplier,
					(this.maxDelay != null) ? this.maxDelay : defaults.maxDelay,
					(this.jitter != null) ? this.jitter : defaults.jitter);
		}

	}

}
