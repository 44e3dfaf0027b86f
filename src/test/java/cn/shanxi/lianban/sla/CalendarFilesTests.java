package cn.shanxi.lianban.sla;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The calendar folder: the real files, and the mistakes an operator may type. */
class CalendarFilesTests {

	static final Clock CLOCK = WorkingCalendarTests.MARCH_2026;

	@TempDir
	Path dir;

	@Test
	void theRepositoryHolds2025And2026AsPublished() {
		Map<Integer, HolidayYear> years = CalendarFiles.readFolder(Path.of("calendar"));
		assertThat(years).containsOnlyKeys(2025, 2026);

		HolidayYear y2025 = years.get(2025);
		assertThat(y2025.source()).contains("国办发明电〔2024〕12号");
		assertThat(y2025.off()).hasSize(1 + 8 + 3 + 5 + 3 + 8);
		assertThat(y2025.work()).containsExactlyInAnyOrder(LocalDate.parse("2025-01-26"), LocalDate.parse("2025-02-08"),
				LocalDate.parse("2025-04-27"), LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11"));

		HolidayYear y2026 = years.get(2026);
		assertThat(y2026.source()).contains("2025年11月4日");
		assertThat(y2026.off()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
		assertThat(y2026.work()).containsExactlyInAnyOrder(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"),
				LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"),
				LocalDate.parse("2026-10-10"));
	}

	@Test
	void aDateOfAnotherYearIsRejectedNamingFileAndDate() throws IOException {
		write("cn-2026.yaml", """
				year: 2026
				source: test
				holidays:
				  - name: 国庆节
				    off: [2026-10-01, 2025-10-02]
				""");
		assertThatExceptionOfType(CalendarFileException.class).isThrownBy(this::load)
			.withMessageContaining("cn-2026.yaml")
			.withMessageContaining("holidays[0] 国庆节: off 2025-10-02 is not in 2026");
	}

	@Test
	void aMakeUpWorkingDayMustBeASaturdayOrSunday() throws IOException {
		write("cn-2026.yaml", """
				year: 2026
				source: test
				holidays:
				  - name: 春节
				    off: [2026-02-16]
				    work: [2026-02-13]
				""");
		assertThatExceptionOfType(CalendarFileException.class).isThrownBy(this::load)
			.withMessageContaining("work 2026-02-13 is a FRIDAY");
	}

	@Test
	void aDateCannotBeBothOffAndWorkNorOffTwice() throws IOException {
		write("cn-2026.yaml", """
				year: 2026
				source: test
				holidays:
				  - name: 春节
				    off: [2026-02-14, 2026-02-16]
				    work: [2026-02-14]
				  - name: 又一个春节
				    off: [2026-02-16]
				""");
		assertThatExceptionOfType(CalendarFileException.class).isThrownBy(this::load)
			.withMessageContaining("2 mistake(s)")
			.withMessageContaining("2026-02-14 is listed both as off and as work")
			.withMessageContaining("holidays[1] 又一个春节: off 2026-02-16 is listed twice");
	}

	@Test
	void anImpossibleDateIsRejectedWithItsLine() throws IOException {
		write("cn-2026.yaml", """
				year: 2026
				source: test
				holidays:
				  - name: 春节
				    off: [2026-02-16, 2026-02-30]
				""");
		assertThatExceptionOfType(CalendarFileException.class).isThrownBy(this::load)
			.withMessageContaining("cn-2026.yaml line 5")
			.withMessageContaining("holidays[0].off[1]")
			.withMessageContaining("2026-02-30");
	}

	@Test
	void aMistypedFieldIsRejectedNamingItsPlaceAndTheRightNames() throws IOException {
		write("cn-2026.yaml", """
				year: 2026
				source: test
				holidays:
				  - name: 春节
				    of: [2026-02-16]
				""");
		assertThatExceptionOfType(CalendarFileException.class).isThrownBy(this::load)
			.withMessageContaining(
					"cn-2026.yaml (holidays[0].of): unknown field \"of\", expected one of [name, off, work]");
	}

	@Test
	void theYearMustMatchTheFileNameAndTheSourceBeNamed() throws IOException {
		write("cn-2027.yaml", """
				year: 2026
				holidays:
				  - name: 元旦
				    off: [2027-01-01]
				""");
		assertThatExceptionOfType(CalendarFileException.class).isThrownBy(this::load)
			.withMessageContaining("cn-2027.yaml has 2 mistake(s)")
			.withMessageContaining("year 2026 does not match the file name, which says 2027")
			.withMessageContaining("source is missing");
	}

	@Test
	void aFailedReloadKeepsTheCalendarItHad() throws IOException {
		write("cn-2026.yaml", """
				year: 2026
				source: test
				holidays:
				  - name: 元旦
				    off: [2026-01-01]
				""");
		WorkingCalendar calendar = load();
		write("cn-2026.yaml", "year: 2026\nsource: test\nholidays: []\n");
		assertThatExceptionOfType(CalendarFileException.class).isThrownBy(calendar::reload)
			.withMessageContaining("holidays are missing");
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-01"))).isFalse();
	}

	@Test
	void aReloadPicksUpANewYear() throws IOException {
		WorkingCalendar calendar = load();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-01"))).isTrue();
		write("cn-2026.yaml", """
				year: 2026
				source: test
				holidays:
				  - name: 元旦
				    off: [2026-01-01]
				""");
		calendar.reload();
		assertThat(calendar.yearsOnFile()).containsExactly(2026);
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-01"))).isFalse();
	}

	@Test
	void aFileWithAnotherNameIsNotTakenForAYear() throws IOException {
		write("2026.yaml", "year: 2026\n");
		assertThat(load().yearsOnFile()).isEmpty();
	}

	private WorkingCalendar load() {
		return new WorkingCalendar(this.dir, CLOCK);
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.dir.resolve(name), content);
	}

}
