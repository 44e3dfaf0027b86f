package cn.shanxi.lianban.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.sla.overdue-check}: how often the clustered Quartz job looks for items
 * past their promised time.
 *
 * @param interval between two checks
 * @param initialDelay before the first check after start-up
 * @param batchSize items per transaction
 */
@ConfigurationProperties("lianban.sla.overdue-check")
record OverdueCheckProperties(@DefaultValue("PT1M") Duration interval, @DefaultValue("PT30S") Duration initialDelay,
		@DefaultValue("200") int batchSize) {

	OverdueCheckProperties {
		if (interval.isNegative() || interval.isZero() || batchSize < 1) {
			throw new IllegalArgumentException(
					"lianban.sla.overdue-check: interval must be positive and batch-size at least 1 (检查间隔须为正数)");
		}
	}

}
