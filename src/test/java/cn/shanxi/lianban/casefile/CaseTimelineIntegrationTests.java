package cn.shanxi.lianban.casefile;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events recorded in a transaction are gathered and written just before it commits: in
 * the order recorded, with those of before-commit work that runs later, seen by a read
 * back inside the transaction, kept apart from those of a transaction started inside it,
 * and gone with a rollback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseTimelineIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CaseTimeline timeline;

	@Autowired
	CaseViews views;

	@Autowired
	TransactionTemplate tx;

	@Test
	void eventsLandInOrderWithTheTransactionAndAreSeenByAReadBackInsideIt() {
		Cases cases = new Cases(this.port, this.context);
		Case c = cases.apply();
		String seenInside = this.tx.execute((status) -> {
			this.timeline.record(c.id(), "TEST_FIRST", "hub", Map.of("n", 1));
			this.timeline.record(c.id(), List.of(new CaseTimeline.Entry("TEST_SECOND", "hub", null),
					new CaseTimeline.Entry("TEST_THIRD", "hub", null)));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					CaseTimelineIntegrationTests.this.timeline.record(c.id(), "TEST_AT_COMMIT", "hub", null);
				}

				@Override
				public int getOrder() {
					return Ordered.LOWEST_PRECEDENCE;
				}
			});
			return this.views.json(c.caseNo(), null).orElseThrow();
		});
		assertThat(seenInside).contains("TEST_FIRST", "TEST_SECOND", "TEST_THIRD").doesNotContain("TEST_AT_COMMIT");
		assertThat(cases.timeline(c)).endsWith("TEST_FIRST", "TEST_SECOND", "TEST_THIRD", "TEST_AT_COMMIT");
	}

	@Test
	void aTransactionStartedInsideAnotherKeepsItsOwnEvents() {
		Cases cases = new Cases(this.port, this.context);
		Case c = cases.apply();
		TransactionTemplate inner = new TransactionTemplate(this.tx.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.tx.executeWithoutResult((status) -> {
			this.timeline.record(c.id(), "TEST_OUTER", "hub", null);
			inner.executeWithoutResult((s) -> this.timeline.record(c.id(), "TEST_INNER", "hub", null));
			status.setRollbackOnly();
		});
		assertThat(cases.timeline(c)).contains("TEST_INNER").doesNotContain("TEST_OUTER");
	}

	@Test
	void aRolledBackTransactionLeavesNoEvent() {
		Cases cases = new Cases(this.port, this.context);
		Case c = cases.apply();
		List<String> before = cases.timeline(c);
		this.tx.executeWithoutResult((status) -> {
			this.timeline.record(c.id(), "TEST_ROLLED_BACK", "hub", null);
			status.setRollbackOnly();
		});
		assertThat(cases.timeline(c)).isEqualTo(before);
	}

}
