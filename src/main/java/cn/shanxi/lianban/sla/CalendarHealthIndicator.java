package cn.shanxi.lianban.sla;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code calendar} in {@code /actuator/health}: which years of the official calendar are
 * on file and whether the current or next year is missing. A missing year degrades due
 * times, it does not stop the hub, so the status stays UP and the details say
 * {@code degraded: true} with the operator's to-do.
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

	private final WorkingCalendar calendar;

	CalendarHealthIndicator(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public Health health() {
		List<Integer> missing = this.calendar.missingYears();
		Health.Builder health = Health.up()
			.withDetail("directory", this.calendar.absoluteDir().toString())
			.withDetail("yearsOnFile", List.copyOf(this.calendar.yearsOnFile()))
			.withDetail("yearsMissing", missing)
			.withDetail("degraded", !missing.isEmpty());
		if (!missing.isEmpty()) {
			health.withDetail("warning",
					missing.stream().map(this.calendar::missingWarning).collect(Collectors.joining(" ")));
		}
		return health.build();
	}

}
