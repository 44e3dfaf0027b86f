package cn.shanxi.lianban.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar and the time limits as application.yaml configures them. */
@SpringBootTest
class SlaConfigurationTests {

	@Autowired
	HealthEndpoint health;

	@Autowired
	TimeLimits timeLimits;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void theCalendarHealthListsTheYearsOnFileAndStaysUp() {
		Health calendar = (Health) this.health.healthForPath("calendar");
		assertThat(calendar.getStatus()).isEqualTo(Status.UP);
		assertThat(calendar.getDetails()).containsEntry("yearsOnFile", List.of(2025, 2026))
			.containsKeys("yearsMissing", "degraded", "directory");
		List<?> missing = (List<?>) calendar.getDetails().get("yearsMissing");
		assertThat(calendar.getDetails().get("degraded")).isEqualTo(!missing.isEmpty());
	}

	@Test
	void theConfiguredCalendarIsTheRepositorysFolder() {
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
	}

	@Test
	void theShippedTimeLimitsArePromisedAsConfigured() {
		assertThat(this.timeLimits.limitFor("FUNERAL", "CREMATION_CERTIFICATE"))
			.isEqualTo(new TimeLimit(4, TimeLimitUnit.HOURS));
		assertThat(this.timeLimits.limitFor("POLICE_HUKOU", "HUKOU_CANCELLATION"))
			.isEqualTo(new TimeLimit(2, TimeLimitUnit.WORKING_DAYS));
		assertThat(this.timeLimits.limitFor("HRSS", "SURVIVOR_BENEFIT"))
			.isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_DAYS));
		Instant sentBeforeNationalDay = LocalDateTime.parse("2026-09-30T15:00")
			.atZone(WorkingCalendar.CHINA)
			.toInstant();
		assertThat(this.timeLimits.dueAt("POLICE_HUKOU", "HUKOU_CANCELLATION", sentBeforeNationalDay))
			.isEqualTo(LocalDateTime.parse("2026-10-10T00:00").atZone(WorkingCalendar.CHINA).toInstant());
	}

}
