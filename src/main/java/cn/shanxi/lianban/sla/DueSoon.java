package cn.shanxi.lianban.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work items close to their promised time: not ended, not yet escalated, due within a
 * window from now. Items already past their time but not yet swept come first, with a
 * negative {@code remaining}.
 */
@Component
class DueSoon {

	private final JdbcClient jdbc;

	private final Clock clock;

	DueSoon(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One item of the list. */
	record Item(String caseNo, String item, String agency, String status, OffsetDateTime dueAt, Duration remaining) {
	}

	List<Item> within(Duration window, String agency, int limit) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select c.case_no, w.type, w.agency, w.status, w.due_at
				from work_item w join case_file c on c.id = w.case_id
				where w.overdue = false and w.due_at <= ? and w.status not in ('DONE', 'REJECTED', 'OFFLINE_REQUIRED')
				  and (cast(? as varchar) is null or w.agency = ?)
				order by w.due_at, w.id limit ?
				""").params(Timestamp.from(now.plus(window)), agency, agency, limit).query((rs, n) -> {
			Instant due = rs.getTimestamp(5).toInstant();
			return new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					due.atZone(WorkingCalendar.CHINA).toOffsetDateTime(), Duration.between(now, due));
		}).list();
	}

}
