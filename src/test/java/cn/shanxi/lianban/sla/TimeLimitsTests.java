package cn.shanxi.lianban.sla;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.dispatch.AgencyCatalogue;
import cn.shanxi.lianban.dispatch.AgencyProperties;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@code lianban.time-limits} bound as Spring binds it, checked, and applied. */
class TimeLimitsTests {

	final WorkingCalendar calendar = new WorkingCalendar(Path.of("calendar"), WorkingCalendarTests.MARCH_2026);

	final Map<String, String> config = new LinkedHashMap<>(Map.of(
	// @formatter:off
			"lianban.time-limits.default.value", "5",
			"lianban.time-limits.default.unit", "WORKING_DAYS",
			"lianban.time-limits.agencies.FUNERAL.items.CREMATION_CERTIFICATE.value", "4",
			"lianban.time-limits.agencies.FUNERAL.items.CREMATION_CERTIFICATE.unit", "HOURS",
			"lianban.time-limits.agencies.POLICE_HUKOU.items.HUKOU_CANCELLATION.value", "2",
			"lianban.time-limits.agencies.POLICE_HUKOU.items.HUKOU_CANCELLATION.unit", "WORKING_DAYS",
			"lianban.time-limits.agencies.HRSS.default.value", "10",
			"lianban.time-limits.agencies.HRSS.default.unit", "WORKING_DAYS"));
	// @formatter:on

	@Test
	void anItemsOwnLimitWinsOverItsAgencysDefaultWhichWinsOverTheOverallDefault() {
		TimeLimits limits = timeLimits();
		assertThat(limits.limitFor("FUNERAL", "CREMATION_CERTIFICATE"))
			.isEqualTo(new TimeLimit(4, TimeLimitUnit.HOURS));
		assertThat(limits.limitFor("POLICE_HUKOU", "HUKOU_CANCELLATION"))
			.isEqualTo(new TimeLimit(2, TimeLimitUnit.WORKING_DAYS));
		assertThat(limits.limitFor("HRSS", "SURVIVOR_BENEFIT"))
			.isEqualTo(new TimeLimit(10, TimeLimitUnit.WORKING_DAYS));
		assertThat(limits.limitFor("HOUSING_FUND", "HOUSING_FUND_WITHDRAWAL"))
			.isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_DAYS));
	}

	@Test
	void aCremationCertificateIsDueFourCalendarHoursLaterEvenOnAHoliday() {
		Instant due = timeLimits().dueAt("FUNERAL", "CREMATION_CERTIFICATE", beijing("2026-02-16T21:30"));
		assertThat(due).isEqualTo(beijing("2026-02-17T01:30"));
	}

	@Test
	void hukouCancellationIsDueTwoWorkingDaysAfterTheCertificateAcrossTheSpringFestival() {
		Instant due = timeLimits().dueAt("POLICE_HUKOU", "HUKOU_CANCELLATION", beijing("2026-02-13T17:30"));
		assertThat(due).isEqualTo(beijing("2026-02-25T00:00"));
	}

	@Test
	void unknownAgencyOrItemIsAMistakeOfTheCaller() {
		TimeLimits limits = timeLimits();
		assertThatIllegalArgumentException().isThrownBy(() -> limits.dueAt("BANK", "X", Instant.EPOCH));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> limits.dueAt("HRSS", "CREMATION_CERTIFICATE", Instant.EPOCH));
	}

	@Test
	void anAgencyDefinedOnlyByConfigurationHasTheLimitsOfTheItemsItTakesOver() {
		this.config.put("lianban.agencies.DISABLED_PERSONS_FEDERATION.items[0]", "DISABILITY_CARE_SUBSIDY_STOP");
		this.config.put("lianban.time-limits.agencies.DISABLED_PERSONS_FEDERATION.default.value", "3");
		this.config.put("lianban.time-limits.agencies.DISABLED_PERSONS_FEDERATION.default.unit", "WORKING_DAYS");
		TimeLimits limits = timeLimits();
		assertThat(limits.limitFor("DISABLED_PERSONS_FEDERATION", "DISABILITY_CARE_SUBSIDY_STOP"))
			.isEqualTo(new TimeLimit(3, TimeLimitUnit.WORKING_DAYS));
		// the item is no longer civil affairs' to promise
		assertThatIllegalArgumentException()
			.isThrownBy(() -> limits.limitFor("CIVIL_AFFAIRS", "DISABILITY_CARE_SUBSIDY_STOP"));
		assertThat(limits.limitFor("CIVIL_AFFAIRS", "DIBAO_STOP"))
			.isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_DAYS));
	}

	@Test
	void aNonNormalDeathsCertificateIsThePolicesToPromise() {
		assertThat(timeLimits().limitFor("POLICE", "DEATH_CERTIFICATE"))
			.isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_DAYS));
	}

	@Test
	void nonPositiveValuesMissingUnitsAndUnknownNamesFailStartUpAllAtOnce() {
		this.config.put("lianban.time-limits.agencies.FUNERAL.items.CREMATION_CERTIFICATE.value", "0");
		this.config.remove("lianban.time-limits.agencies.HRSS.default.unit");
		this.config.put("lianban.time-limits.agencies.POLICE_HUKOU.items.HUKOU_CANCELATION.value", "2");
		this.config.put("lianban.time-limits.agencies.POLICE_HUKOU.items.HUKOU_CANCELATION.unit", "WORKING_DAYS");
		this.config.put("lianban.time-limits.agencies.FUNERAL_HOME.default.value", "1");
		this.config.put("lianban.time-limits.agencies.FUNERAL_HOME.default.unit", "HOURS");
		assertThatIllegalStateException().isThrownBy(this::timeLimits)
			.withMessageContaining(
					"lianban.time-limits.agencies.FUNERAL.items.CREMATION_CERTIFICATE.value: 0 is not a positive number")
			.withMessageContaining(
					"lianban.time-limits.agencies.HRSS.default.unit: missing, expected HOURS or WORKING_DAYS")
			.withMessageContaining(
					"lianban.time-limits.agencies.POLICE_HUKOU.items.HUKOU_CANCELATION: not a work item of "
							+ "POLICE_HUKOU, expected one of [HUKOU_CANCELLATION]")
			.withMessageContaining("lianban.time-limits.agencies.FUNERAL_HOME: unknown agency");
	}

	@Test
	void anOverallDefaultIsRequired() {
		this.config.remove("lianban.time-limits.default.value");
		this.config.remove("lianban.time-limits.default.unit");
		assertThatIllegalStateException().isThrownBy(this::timeLimits)
			.withMessageContaining("lianban.time-limits.default: missing");
	}

	@Test
	void anUnknownUnitFailsBindingNamingTheProperty() {
		this.config.put("lianban.time-limits.agencies.FUNERAL.items.CREMATION_CERTIFICATE.unit", "MINUTES");
		assertThatExceptionOfType(BindException.class).isThrownBy(this::timeLimits)
			// Spring names the property in its canonical (lower-case) form
			.withMessageContaining("lianban.time-limits.agencies.funeral.items.cremationcertificate.unit")
			.havingRootCause()
			.withMessageContaining("MINUTES");
	}

	private TimeLimits timeLimits() {
		Binder binder = new Binder(new MapConfigurationPropertySource(this.config));
		TimeLimitProperties properties = binder.bind("lianban.time-limits", TimeLimitProperties.class).get();
		AgencyProperties agencies = binder.bind("lianban", AgencyProperties.class)
			.orElseGet(() -> new AgencyProperties(null));
		return new TimeLimits(properties, new AgencyCatalogue(agencies), this.calendar);
	}

	private static Instant beijing(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.CHINA).toInstant();
	}

}
