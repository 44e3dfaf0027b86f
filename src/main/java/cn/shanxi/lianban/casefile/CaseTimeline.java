package cn.shanxi.lianban.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the events of a case's timeline. Called inside a use case's transaction, so an
 * event lands together with the change it describes, or not at all. Within a transaction
 * the events are gathered and written in one statement just before it commits
 * ({@link #flush}): a certificate chunk records three or four events for each of its
 * hundred cases, which were as many round trips. So an event is not recorded from an
 * after-commit callback (none does so today): it would wait for a commit that has passed;
 * such work runs in a transaction of its own.
 */
@Component
public class CaseTimeline {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	CaseTimeline(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param type what happened, e.g. {@code APPLICATION_RECEIVED},
	 * {@code CERTIFICATE_MATCHED}
	 * @param source who made it happen: {@code channel:WEB}, {@code partner:H001},
	 * {@code hub}
	 * @param detail facts for the reader (never unmasked personal numbers)
	 */
	public void record(long caseId, String type, String source, Map<String, ?> detail) {
		record(caseId, List.of(new Entry(type, source, detail)));
	}

	/** One event to record: see {@link #record(long, String, String, Map)}. */
	public record Entry(String type, String source, Map<String, ?> detail) {
	}

	/** Several events of one case, in the order given. */
	public void record(long caseId, List<Entry> entries) {
		recordAll(Map.of(caseId, entries));
	}

	/** The events of many cases (the delivery recorder's batch), each case's in order. */
	public void recordAll(Map<Long, ? extends List<Entry>> byCase) {
		Timestamp at = Timestamp.from(this.clock.instant());
		Pending pending = pending();
		byCase.forEach((caseId, events) -> {
			CaseChanges.mark(caseId);
			events.forEach((e) -> pending.add(caseId, at, e.type(), e.source(), toJson(e.detail())));
		});
		if (pending.atOnce) {
			write(pending);
		}
	}

	/**
	 * Writes the events this transaction gathered so far; a use case that reads the
	 * timeline back before it commits calls this first.
	 */
	public void flush() {
		BeforeCommit bound = bound();
		if (bound != null) {
			write(bound.pending);
		}
	}

	/**
	 * This transaction's gathered events, written before it commits; outside a
	 * transaction, a list written at once.
	 */
	private Pending pending() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return new Pending(true);
		}
		BeforeCommit bound = bound();
		if (bound == null) {
			bound = new BeforeCommit(new Pending(false));
			TransactionSynchronizationManager.registerSynchronization(bound);
		}
		return bound.pending;
	}

	/**
	 * This transaction's writer of gathered events. Found among its synchronizations
	 * rather than bound as a resource: a transaction started inside another suspends
	 * those, so each keeps its own events.
	 */
	private BeforeCommit bound() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof BeforeCommit b && b.timeline() == this) {
				return b;
			}
		}
		return null;
	}

	/** Writes a transaction's gathered events just before it commits. */
	private final class BeforeCommit implements TransactionSynchronization {

		final Pending pending;

		BeforeCommit(Pending pending) {
			this.pending = pending;
		}

		CaseTimeline timeline() {
			return CaseTimeline.this;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			write(this.pending);
			// before-commit work that runs after this still records its events
			this.pending.atOnce = true;
		}

		@Override
		public int getOrder() {
			// after the other before-commit work, which may record events too
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	private void write(Pending p) {
		if (p.types.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into case_event (case_id, at, type, source, detail)
				select e.case_id, e.at, e.type, e.source, cast(e.detail as jsonb)
				from unnest(cast(? as bigint[]), cast(? as timestamptz[]), cast(? as varchar[]), cast(? as varchar[]),
				  cast(? as text[])) with ordinality as e(case_id, at, type, source, detail, n)
				order by e.n
				""")
			.params(p.caseIds.toArray(Long[]::new), p.ats.toArray(Timestamp[]::new), p.types.toArray(String[]::new),
					p.sources.toArray(String[]::new), p.details.toArray(String[]::new))
			.update();
		p.clear();
	}

	/** Events not yet written, column by column. */
	private static final class Pending {

		boolean atOnce;

		final List<Long> caseIds = new ArrayList<>();

		final List<Timestamp> ats = new ArrayList<>();

		final List<String> types = new ArrayList<>();

		final List<String> sources = new ArrayList<>();

		final List<String> details = new ArrayList<>();

		Pending(boolean atOnce) {
			this.atOnce = atOnce;
		}

		void add(long caseId, Timestamp at, String type, String source, String detail) {
			this.caseIds.add(caseId);
			this.ats.add(at);
			this.types.add(type);
			this.sources.add(source);
			this.details.add(detail);
		}

		void clear() {
			this.caseIds.clear();
			this.ats.clear();
			this.types.clear();
			this.sources.clear();
			this.details.clear();
		}

	}

	private String toJson(Map<String, ?> detail) {
		if (detail == null || detail.isEmpty()) {
			return null;
		}
		try {
			return this.json.writeValueAsString(detail);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Timeline detail is not serialisable", ex);
		}
	}

}
