package cn.shanxi.lianban.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.audit}.
 *
 * @param key the secret the seals are made with (HMAC-SHA256), at least 32 characters
 * ({@code LIANBAN_AUDIT_KEY}): whoever can write to the database but lacks it cannot make
 * a seal that verifies
 * @param sealPeriod how often the entries written since are sealed
 * @param retention how long entries are kept, at least 180 days (网络安全法 第二十一条)
 * @param purgeCron when the purge of older entries runs (Asia/Shanghai)
 */
@ConfigurationProperties("lianban.audit")
public record AuditProperties(String key, @DefaultValue("2s") Duration sealPeriod,
		@DefaultValue("P180D") Duration retention, @DefaultValue("0 15 3 * * ?") String purgeCron) {

	/** 网络安全法 第二十一条: network logs are kept at least six months. */
	static final Duration LEAST_RETENTION = Duration.ofDays(180);

	public AuditProperties {
		if (key == null || key.length() < 32) {
			throw new IllegalStateException(
					"lianban.audit.key (LIANBAN_AUDIT_KEY) must be at least 32 characters: the audit log's seals are made with it");
		}
		if (retention.compareTo(LEAST_RETENTION) < 0) {
			throw new IllegalStateException("lianban.audit.retention (LIANBAN_AUDIT_RETENTION) is " + retention
					+ ": audit entries are kept at least 180 days (网络安全法 第二十一条)");
		}
	}

	@Override
	public String toString() {
		return "AuditProperties[key=(secret), sealPeriod=" + this.sealPeriod + ", retention=" + this.retention + "]";
	}

}
