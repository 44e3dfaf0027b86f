package cn.shanxi.lianban.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import cn.shanxi.lianban.dispatch.AgencyProperties.Retry;

/**
 * When a failed message is tried again: exponential backoff with jitter, kept in the
 * outbox row ({@code next_attempt_at}) so that the schedule survives a restart and is
 * shared by every hub instance. Jitter spreads the retries of many messages that failed
 * together (an agency coming back after an outage is not hit by all at once).
 */
final class RetrySchedule {

	private RetrySchedule() {
	}

	/** Whether the message has had all its attempts. */
	static boolean exhausted(Retry policy, int attempts) {
		return attempts >= policy.maxAttempts();
	}

	/**
	 * The wait after the {@code attempts}-th failed attempt: {@code initialDelay ×
	 * multiplier^(attempts-1)}, at most {@code maxDelay}, then ± {@code jitter} of it at
	 * random.
	 */
	static Duration delay(Retry policy, int attempts, double random) {
		double base = policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), Math.max(0, attempts - 1));
		double capped = Math.min(base, policy.maxDelay().toMillis());
		double spread = capped * policy.jitter() * (2 * random - 1);
		return Duration.ofMillis(Math.max(0, Math.round(capped + spread)));
	}

	static Instant next(Retry policy, int attempts, Instant now) {
		return now.plus(delay(policy, attempts, ThreadLocalRandom.current().nextDouble()));
	}

}
