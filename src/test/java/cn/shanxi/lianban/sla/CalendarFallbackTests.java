package cn.shanxi.lianban.sla;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** A year without a file: Monday to Friday, and loud about it. */
class CalendarFallbackTests {

	/** December 2026: next year's notice is due, and 2027 has no file yet. */
	static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), WorkingCalendar.CHINA);

	final Logger logger = (Logger) LoggerFactory.getLogger(WorkingCalendar.class);

	final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	@BeforeEach
	void listen() {
		this.logged.start();
		this.logger.addAppender(this.logged);
	}

	@AfterEach
	void stopListening() {
		this.logger.detachAppender(this.logged);
	}

	@Test
	void aMissingNextYearIsWarnedAtStartUpNamingTheYearAndTheFile() {
		new WorkingCalendar(Path.of("calendar"), DECEMBER_2026);
		assertThat(warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning).contains("No holiday calendar for 2027")
				.contains(Path.of("calendar", "cn-2027.yaml").toAbsolutePath().toString())
				.contains("Monday to Friday"));
	}

	@Test
	void aMissingYearCountsMondayToFriday() {
		WorkingCalendar calendar = new WorkingCalendar(Path.of("calendar"), DECEMBER_2026);
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).as("Friday, 元旦 in any real year").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-02"))).isFalse();
		assertThat(calendar.plusWorkingDays(ZonedDateTime.parse("2026-12-31T10:00:00+08:00[Asia/Shanghai]"), 2))
			.isEqualTo(ZonedDateTime.parse("2027-01-05T00:00:00+08:00[Asia/Shanghai]"));
	}

	@Test
	void aCalculationInAnUnwarnedMissingYearWarnsOnce() {
		WorkingCalendar calendar = new WorkingCalendar(Path.of("calendar"), WorkingCalendarTests.MARCH_2026);
		this.logged.list.clear();
		calendar.isWorkingDay(LocalDate.parse("2028-05-01"));
		calendar.isWorkingDay(LocalDate.parse("2028-05-02"));
		assertThat(warnings()).singleElement().satisfies((warning) -> assertThat(warning).contains("2028"));
	}

	@Test
	void healthStaysUpButSaysDegradedAndWhichYearIsMissing() {
		WorkingCalendar calendar = new WorkingCalendar(Path.of("calendar"), DECEMBER_2026);
		Health health = new CalendarHealthIndicator(calendar).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("yearsOnFile", List.of(2025, 2026))
			.containsEntry("yearsMissing", List.of(2027))
			.containsEntry("degraded", true);
		assertThat((String) health.getDetails().get("warning")).contains("2027").contains("cn-2027.yaml");
	}

	@Test
	void healthIsNotDegradedWhenTheCurrentAndNextYearAreOnFile() {
		Clock march2025 = Clock.fixed(Instant.parse("2025-03-01T01:00:00Z"), WorkingCalendar.CHINA);
		Health health = new CalendarHealthIndicator(new WorkingCalendar(Path.of("calendar"), march2025)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("yearsMissing", List.of())
			.containsEntry("degraded", false)
			.doesNotContainKey("warning");
		assertThat(warnings()).isEmpty();
	}

	private List<String> warnings() {
		return this.logged.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

}
