package cn.shanxi.lianban.audit;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/audit}: how far sealing lags (entries not sealed yet, the
 * oldest one's age). The whole chain is checked by {@code GET /api/v1/audit/verify}, not
 * at every health check.
 */
@Component
class AuditHealthIndicator extends AbstractHealthIndicator {

	private final JdbcClient jdbc;

	private final AuditSeals seals;

	AuditHealthIndicator(JdbcClient jdbc, AuditSeals seals) {
		this.jdbc = jdbc;
		this.seals = seals;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String from = this.seals.head().xidTo();
		var row = this.jdbc.sql("""
				select count(*), coalesce(extract(epoch from now() - min(at)), 0)::bigint
				from audit_entry where xid >= cast(? as xid8)
				""").param(from).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		builder.up().withDetail("unsealed", row[0]).withDetail("oldestUnsealedSeconds", row[1]);
	}

}
