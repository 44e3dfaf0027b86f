package cn.shanxi.lianban.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import cn.shanxi.lianban.TestClock;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.casefile.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items past their promised time are found, marked overdue and escalated once, reckoned
 * on the official calendar with a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverdueSweepIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OverdueSweep sweep;

	@Autowired
	ItemClocks clocks;

	@Autowired
	WorkItems workItems;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	Cases cases;

	@BeforeEach
	void setUp() {
		this.cases = new Cases(this.port, this.context);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anItemSentBeforeTheSpringFestivalIsOverdueOnlyAfterTheHolidayAndItsMakeUpDay() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long refund = this.cases.items(c).get("PENSION_ACCOUNT_REFUND");
		// Friday 13 February 2026, 10:00: HRSS promises 5 working days. Saturday 14th is
		// a
		// make-up working day (1), 15th-23rd are the holiday, 24th-27th are days 2 to 5.
		Instant sent = beijing("2026-02-13T10:00");
		this.clock.setTo(sent);
		this.tx.executeWithoutResult((s) -> {
			this.workItems.move(refund, WorkItemStatus.SENT, null);
			assertThat(this.clocks.start(refund, sent)).contains(beijing("2026-02-28T00:00"));
		});

		// a Monday-to-Friday count would have ended on Friday 20th at 24:00
		this.clock.setTo(beijing("2026-02-21T00:01"));
		this.sweep.sweepOnce(1000);
		assertThat(overdue(refund)).isFalse();

		this.clock.setTo(beijing("2026-02-27T23:59"));
		this.sweep.sweepOnce(1000);
		assertThat(overdue(refund)).isFalse();

		this.clock.setTo(beijing("2026-02-28T00:00:01"));
		this.sweep.sweepOnce(1000);
		assertThat(overdue(refund)).isTrue();

		this.clock.advance(Duration.ofDays(3));
		this.sweep.sweepOnce(1000);
		assertThat(this.cases.timeline(c)).containsOnlyOnce("ITEM_OVERDUE");
		assertThat(this.cases.outbox(c, "WEBHOOK")).containsExactly("ITEM_OVERDUE:PENSION_ACCOUNT_REFUND");
		assertThat(this.jdbc.sql("select escalated_at from work_item where id = ?")
			.param(refund)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(beijing("2026-02-28T00:00:01"));
	}

	@Test
	void theClockStartsOnceAResendDoesNotGiveTheAgencyMoreTime() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long hukou = this.cases.items(c).get("HUKOU_CANCELLATION");
		Instant first = beijing("2026-09-30T15:00");

		Instant due = this.clocks.start(hukou, first).orElseThrow();
		Instant again = this.clocks.start(hukou, first.plus(Duration.ofDays(3))).orElseThrow();

		// 2 working days after 30 September: National Day is off 1-7 October, the 10th is
		// worked
		assertThat(due).isEqualTo(beijing("2026-10-10T00:00"));
		assertThat(again).isEqualTo(due);
		assertThat(this.clocks.start(Long.MAX_VALUE, first)).isEmpty();
	}

	@Test
	void endedItemsAndItemsWithoutAClockAreNeverOverdue() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long done = this.cases.items(c).get("PENSION_ACCOUNT_REFUND");
		long waiting = this.cases.items(c).get("SURVIVOR_BENEFIT");
		Instant due = Instant.parse("2031-01-10T00:00:00Z");
		this.cases.sent(done, due);
		this.tx.executeWithoutResult((s) -> this.workItems.move(done, WorkItemStatus.DONE, null));
		this.clock.setTo(due.plus(Duration.ofDays(30)));

		this.sweep.sweepOnce(1000);

		assertThat(overdue(done)).isFalse();
		assertThat(overdue(waiting)).isFalse();
		assertThat(this.cases.timeline(c)).doesNotContain("ITEM_OVERDUE");
	}

	@Test
	void twoSweepsAtTheSameMomentEscalateEachItemOnce() throws Exception {
		List<Long> items = new ArrayList<>();
		List<Case> cs = new ArrayList<>();
		Instant due = Instant.parse("2032-06-01T00:00:00Z");
		for (int i = 0; i < 3; i++) {
			Case c = this.cases.apply();
			this.cases.eligible(c);
			cs.add(c);
			for (long id : this.cases.items(c).values()) {
				this.cases.sent(id, due);
				items.add(id);
			}
		}
		this.clock.setTo(due.plusSeconds(60));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		int found = 0;
		try {
			List<Callable<Integer>> sweeps = List.of(() -> this.sweep.sweepOnce(5), () -> this.sweep.sweepOnce(5),
					() -> this.sweep.sweepOnce(1000), () -> this.sweep.sweepOnce(1000));
			for (Future<Integer> f : pool.invokeAll(sweeps)) {
				found += f.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(found).isGreaterThanOrEqualTo(items.size());
		for (long id : items) {
			assertThat(overdue(id)).isTrue();
		}
		for (Case c : cs) {
			int n = this.cases.items(c).size();
			assertThat(this.cases.timeline(c).stream().filter("ITEM_OVERDUE"::equals)).hasSize(n);
			assertThat(this.cases.outbox(c, "WEBHOOK")).hasSize(n).doesNotHaveDuplicates();
		}
	}

	private boolean overdue(long workItemId) {
		return this.jdbc.sql("select overdue from work_item where id = ?")
			.param(workItemId)
			.query(Boolean.class)
			.single();
	}

	static Instant beijing(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.CHINA).toInstant();
	}

}
