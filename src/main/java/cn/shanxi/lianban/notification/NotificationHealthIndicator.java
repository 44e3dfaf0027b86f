package cn.shanxi.lianban.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code notifications} in {@code /actuator/health}: per channel, the messages waiting,
 * how late the oldest due one is, and those given up. A gateway that is down delays
 * messages, it does not stop the hub: the status stays UP and {@code degraded} says so (a
 * message waiting more than 10 minutes past its due time, or any given up).
 */
@Component("notificationsHealthIndicator")
class NotificationHealthIndicator implements HealthIndicator {

	private static final Duration LATE = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationHealthIndicator(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Timestamp now = Timestamp.from(this.clock.instant());
		Map<String, Object> channels = new LinkedHashMap<>();
		boolean degraded = false;
		for (NotificationOutbox.Channel channel : NotificationOutbox.Channel.values()) {
			Map<String, Object> row = this.jdbc.sql("""
					select count(*) filter (where status = 'PENDING') as pending,
					       count(*) filter (where status = 'FAILED') as failed,
					       coalesce(extract(epoch from (? - min(next_attempt_at) filter (where status = 'PENDING'))), 0)
					           as late_seconds
					from notification_outbox where channel = ?
					""").params(now, channel.name()).query().singleRow();
			long lateSeconds = Math.max(0, ((Number) row.get("late_seconds")).longValue());
			long failed = ((Number) row.get("failed")).longValue();
			channels.put(channel.name().toLowerCase(), Map.of("pending", row.get("pending"), "failed", failed,
					"oldestDueSince", Duration.ofSeconds(lateSeconds).toString()));
			degraded |= failed > 0 || lateSeconds > LATE.toSeconds();
		}
		return Health.up().withDetails(channels).withDetail("degraded", degraded).build();
	}

}
