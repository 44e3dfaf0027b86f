package cn.shanxi.lianban.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WorkItems#moveAll} (the delivery recorder's set-wise move) keeps the rules of
 * {@link WorkItems#move} for every item: never backwards, never out of an ended state,
 * and every change published, so the case's status follows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkItemsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkItems workItems;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Test
	void movesEveryItemThatMayMoveAndNoOther() {
		Cases cases = new Cases(this.port, this.context);
		Case c = cases.apply();
		cases.eligible(c);
		List<Long> pending = pendingItems(c);
		assertThat(pending).hasSizeGreaterThanOrEqualTo(3);
		long first = pending.get(0);
		long second = pending.get(1);

		Map<Long, WorkItemChanged> sent = this.tx.execute((s) -> this.workItems.moveAll(pending, WorkItemStatus.SENT));
		assertThat(sent).containsOnlyKeys(pending);
		assertThat(sent.get(first).from()).isEqualTo(WorkItemStatus.PENDING);
		assertThat(sent.get(first).to()).isEqualTo(WorkItemStatus.SENT);
		pending.forEach((id) -> assertThat(cases.itemStatus(id)).isEqualTo("SENT"));

		// ended: stays; already there: unchanged; backwards: refused
		this.tx.executeWithoutResult((s) -> this.workItems.move(first, WorkItemStatus.DONE, null));
		Map<Long, WorkItemChanged> accepted = this.tx
			.execute((s) -> this.workItems.moveAll(List.of(first, second, second), WorkItemStatus.ACCEPTED));
		assertThat(accepted).containsOnlyKeys(second);
		assertThat(cases.itemStatus(first)).isEqualTo("DONE");
		assertThat(cases.itemStatus(second)).isEqualTo("ACCEPTED");
		Map<Long, WorkItemChanged> backwards = this.tx
			.execute((s) -> this.workItems.moveAll(List.of(second), WorkItemStatus.SENT));
		assertThat(backwards).isEmpty();
		assertThat(cases.itemStatus(second)).isEqualTo("ACCEPTED");
	}

	@Test
	void everyChangeIsPublishedSoTheCaseEnds() {
		Cases cases = new Cases(this.port, this.context);
		Case c = cases.apply();
		cases.eligible(c);
		List<Long> all = new ArrayList<>(cases.items(c).values());
		this.tx.executeWithoutResult((s) -> this.workItems.moveAll(all, WorkItemStatus.DONE));
		assertThat(cases.status(c)).startsWith("COMPLETED");
		assertThat(cases.timeline(c)).last().asString().startsWith("CASE_COMPLETED");
	}

	@Test
	void theDueTimeIsSetWithTheMoveAndNeverMovedAfter() {
		Cases cases = new Cases(this.port, this.context);
		Case c = cases.apply();
		cases.eligible(c);
		List<Long> pending = pendingItems(c);
		long first = pending.get(0);
		long second = pending.get(1);
		Instant due = Instant.parse("2026-12-07T16:00:00Z");

		this.tx.executeWithoutResult((s) -> this.workItems.moveAll(List.of(first, second), WorkItemStatus.SENT,
				(changed) -> (changed.workItemId() == first) ? Optional.of(due) : Optional.empty()));
		assertThat(dueAt(first)).isEqualTo(due);
		assertThat(dueAt(second)).isNull();

		// a later move keeps the time limit that started when the agency got the item
		this.tx.executeWithoutResult((s) -> this.workItems.moveAll(List.of(first), WorkItemStatus.ACCEPTED,
				(changed) -> Optional.of(due.plusSeconds(86_400))));
		assertThat(cases.itemStatus(first)).isEqualTo("ACCEPTED");
		assertThat(dueAt(first)).isEqualTo(due);
	}

	private Instant dueAt(long workItemId) {
		return this.jdbc.sql("select due_at from work_item where id = ?")
			.param(workItemId)
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single()
			.orElse(null);
	}

	private List<Long> pendingItems(Case c) {
		return this.workItems.ofCase(c.id())
			.stream()
			.filter((w) -> w.status() == WorkItemStatus.PENDING)
			.map(WorkItems.Row::id)
			.toList();
	}

}
