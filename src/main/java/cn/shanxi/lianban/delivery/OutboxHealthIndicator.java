package cn.shanxi.lianban.delivery;

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
 * {@code outbox} in {@code /actuator/health}: per agency, the messages waiting, how late
 * the oldest due one is (outbox lag), and those parked. An agency that is down delays its
 * messages, it does not stop the hub: the status stays UP and {@code degraded} says so (a
 * message more than 10 minutes past its due time, or any parked). Each state is counted
 * on its own partial index: the delivered rows, nearly all of the outbox, are never read.
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator implements HealthIndicator {

	private static final Duration LATE = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	OutboxHealthIndicator(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Timestamp now = Timestamp.from(this.clock.instant());
		Map<String, Object> agencies = new LinkedHashMap<>();
		boolean[] degraded = { false };
		this.jdbc.sql("""
				select agency, sum(waiting) as waiting, sum(parked) as parked,
				       coalesce(extract(epoch from (? - min(oldest_due))), 0) as late_seconds
				from (select agency, count(*) as waiting, 0 as parked, min(next_attempt_at) as oldest_due
				      from outbox_message where status = 'PENDING' group by agency
				      union all
				      select agency, count(*), 0, null from outbox_message where status = 'BATCHED' group by agency
				      union all
				      select agency, 0, count(*), null from outbox_message where status = 'PARKED' group by agency) s
				group by agency order by agency
				""").param(now).query((rs) -> {
			long late = Math.max(0, rs.getLong("late_seconds"));
			long parked = rs.getLong("parked");
			agencies.put(rs.getString("agency"), Map.of("waiting", rs.getLong("waiting"), "parked", parked,
					"oldestDueSince", Duration.ofSeconds(late).toString()));
			degraded[0] |= parked > 0 || late > LATE.toSeconds();
		});
		return Health.up().withDetail("agencies", agencies).withDetail("degraded", degraded[0]).build();
	}

}
