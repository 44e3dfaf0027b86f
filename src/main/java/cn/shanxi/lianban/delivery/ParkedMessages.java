package cn.shanxi.lianban.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.casefile.WorkItems;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the operators: see the messages whose delivery gave up (PARKED) and replay
 * them. A replay puts the same outbox row back in line — same payload, same dedup key —
 * with a fresh set of attempts; replaying it twice is refused, so it is delivered once.
 */
@Service
public class ParkedMessages {

	private static final Logger log = LoggerFactory.getLogger(ParkedMessages.class);

	private static final String PARKED = """
			select m.id, c.case_no, w.type, m.agency, m.dedup_key, m.attempts, m.last_error, m.parked_at,
			  b.file_name
			from outbox_message m join work_item w on w.id = m.work_item_id join case_file c on c.id = m.case_id
			left join outbox_batch b on b.id = m.batch_id
			where m.status = 'PARKED'
			""";

	private final JdbcClient jdbc;

	private final WorkItems workItems;

	private final CaseTimeline timeline;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ParkedMessages(JdbcClient jdbc, WorkItems workItems, CaseTimeline timeline, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.workItems = workItems;
		this.timeline = timeline;
		this.clock = clock;
	}

	/**
	 * A parked message.
	 *
	 * @param id the outbox message, to replay
	 * @param batchFile the batch file it was in when it gave up, if any
	 */
	public record Parked(long id, String caseNo, String item, String agency, String dedupKey, int attempts,
			String lastError, OffsetDateTime parkedAt, String batchFile) {
	}

	/** The parked messages, oldest first; of one agency, or all. */
	public List<Parked> list(String agency, int limit) {
		return this.jdbc
			.sql(PARKED + " and (cast(? as text) is null or m.agency = ?) order by m.parked_at, m.id limit ?")
			.params(agency, agency, limit)
			.query(ParkedMessages::parked)
			.list();
	}

	private static Parked parked(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Parked(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9));
	}

	/**
	 * Puts a parked message back in line.
	 * @throws ProblemException 404 for no such message, 409 when it is not parked (e.g.
	 * replayed already)
	 */
	@Transactional
	public Parked replay(long id, String operator) {
		Row row = this.jdbc.sql(
				"select id, case_id, work_item_id, agency, dedup_key, status, render_error from outbox_message where id = ? for update")
			.param(id)
			.query(Row::of)
			.optional()
			.orElseThrow(() -> ProblemException.notFound("没有该消息：" + id, "No message " + id));
		if (!"PARKED".equals(row.status())) {
			throw ProblemException.conflict("not-parked", "该消息未处于搁置状态，无需重发", "This message is not parked",
					"消息状态为 " + row.status() + "，只有 PARKED 的消息可以重发（已重发的消息只投递一次） / Its status is " + row.status()
							+ "; only PARKED messages can be replayed (a replayed message is delivered once)");
		}
		Parked before = this.jdbc.sql(PARKED + " and m.id = ?").param(id).query(ParkedMessages::parked).single();
		putBackInLine(row, operator);
		return before;
	}

	/** Puts every parked message of an agency back in line; answers their ids. */
	@Transactional
	public List<Long> replayAgency(String agency, String operator) {
		List<Row> rows = this.jdbc.sql("""
				select id, case_id, work_item_id, agency, dedup_key, status, render_error from outbox_message
				where status = 'PARKED' and agency = ? order by id for update
				""").param(agency).query(Row::of).list();
		List<Long> ids = new ArrayList<>();
		for (Row row : rows) {
			putBackInLine(row, operator);
			ids.add(row.id());
		}
		log.info("Operator {} replayed {} parked messages of {}", operator, ids.size(), agency);
		return ids;
	}

	private void putBackInLine(Row row, String operator) {
		Timestamp now = Timestamp.from(this.clock.instant());
		if (row.renderError() != null) {
			// never rendered: dispatch renders it now, or refuses the replay with the
			// reason it still cannot (the row stays parked)
			this.events.publishEvent(new UnrenderedReplay(row.id(), row.caseId(), row.workItemId(), row.agency()));
		}
		// out of its old batch file: it goes in a new one, its record keeps its dedup key
		this.jdbc.sql("""
				update outbox_message set status = 'PENDING', batch_id = null, attempts = 0, next_attempt_at = ?,
				  claimed_by = null, parked_at = null
				where id = ?
				""").params(now, row.id()).update();
		this.jdbc.sql("""
				insert into message_log (outbox_id, case_id, work_item_id, attempt, at, event, answer)
				select o.id, o.case_id, o.work_item_id, 0, ?, 'REPLAYED', ? from outbox_message o where o.id = ?
				""").params(now, "replayed by operator " + operator, row.id()).update();
		this.workItems.move(row.workItemId(), WorkItemStatus.PENDING, null);
		this.timeline.record(row.caseId(), "MESSAGE_REPLAYED", "operator:" + operator,
				Map.of("agency", row.agency(), "dedupKey", row.dedupKey()));
	}

	private record Row(long id, long caseId, long workItemId, String agency, String dedupKey, String status,
			String renderError) {

		static Row of(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
			return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7));
		}

	}

}
