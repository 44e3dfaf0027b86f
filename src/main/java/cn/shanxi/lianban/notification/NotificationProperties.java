package cn.shanxi.lianban.notification;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.notifications}: how the notification outbox is relayed. The routes read
 * their own options ({@code poll-period-ms}, {@code sms.gateway-url}) as placeholders.
 *
 * @param batchSize rows a route claims per poll
 * @param lease how long a claimed row is left to its instance before another may retry it
 * (a crash mid-send)
 * @param retry when a failed message is tried again
 * @param sms the family's SMS
 */
@ConfigurationProperties("lianban.notifications")
public record NotificationProperties(@DefaultValue("20") int batchSize, @DefaultValue("PT2M") Duration lease,
		@DefaultValue Retry retry, @DefaultValue Sms sms) {

	/**
	 * Backoff: {@code initialDelay × multiplier^(attempt-1)}, at most {@code maxDelay};
	 * after {@code maxAttempts} the message is FAILED (given up, shown in health).
	 */
	public record Retry(@DefaultValue("PT30S") Duration initialDelay, @DefaultValue("2") double multiplier,
			@DefaultValue("PT1H") Duration maxDelay, @DefaultValue("12") int maxAttempts) {

		/** The wait after the {@code attempt}-th failure (1-based). */
		public Duration delayAfter(int attempt) {
			double millis = this.initialDelay.toMillis() * Math.pow(this.multiplier, Math.max(0, attempt - 1));
			return (millis >= this.maxDelay.toMillis()) ? this.maxDelay : Duration.ofMillis((long) millis);
		}

	}

	/**
	 * @param templates Chinese text per {@link SmsEvent}, with {@code {placeholders}}; an
	 * event without a template (or with an empty one) is not sent
	 */
	public record Sms(Map<SmsEvent, String> templates) {

		public Sms {
			templates = (templates != null) ? Map.copyOf(templates) : Map.of();
		}

	}

}
