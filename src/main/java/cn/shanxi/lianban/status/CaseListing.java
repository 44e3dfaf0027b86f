package cn.shanxi.lianban.status;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.shanxi.lianban.casefile.CaseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clerks' list of cases, newest first, filtered by status, by an agency that has an
 * item in the case, and by whether an item is overdue right now (past its promised time
 * and not ended). Filters are added as bound conditions, never as text from the caller.
 */
@Component
class CaseListing {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String OPEN_OVERDUE = """
			exists (select 1 from work_item o where o.case_id = c.id and o.overdue
			    and o.status not in ('DONE', 'REJECTED', 'OFFLINE_REQUIRED'))""";

	private final JdbcClient jdbc;

	CaseListing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the clerk asked for; {@code null} filters are not applied. */
	record Query(CaseStatus status, String agency, Boolean overdue, int page, int size, String serviceCentre) {
	}

	/** One case of the list. */
	record Summary(String caseNo, String status, String statusReason, String channel, String deceasedName,
			OffsetDateTime createdAt, OffsetDateTime updatedAt, int workItems, int ended, int overdue,
			OffsetDateTime nextDueAt) {
	}

	/** A page of the list. */
	record Page(int page, int size, long total, List<Summary> cases) {
	}

	Page find(Query query) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (query.status() != null) {
			where.append(" and c.status = ?");
			params.add(query.status().name());
		}
		if (query.serviceCentre() != null) {
			where.append(" and c.service_centre = ?");
			params.add(query.serviceCentre());
		}
		if (query.agency() != null) {
			where.append(" and exists (select 1 from work_item a where a.case_id = c.id and a.agency = ?)");
			params.add(query.agency());
		}
		if (query.overdue() != null) {
			where.append(query.overdue() ? " and " : " and not ").append(OPEN_OVERDUE);
		}
		long total = this.jdbc.sql("select count(*) from case_file c" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(query.size());
		pageParams.add((long) query.page() * query.size());
		List<Summary> cases = this.jdbc.sql("""
				select c.case_no, c.status, c.status_reason, c.channel, c.deceased_name, c.created_at, c.updated_at,
				  (select count(*) from work_item w where w.case_id = c.id),
				  (select count(*) from work_item w where w.case_id = c.id
				      and w.status in ('DONE', 'REJECTED', 'OFFLINE_REQUIRED')),
				  (select count(*) from work_item w where w.case_id = c.id and w.overdue
				      and w.status not in ('DONE', 'REJECTED', 'OFFLINE_REQUIRED')),
				  (select min(w.due_at) from work_item w where w.case_id = c.id
				      and w.status not in ('DONE', 'REJECTED', 'OFFLINE_REQUIRED'))
				from case_file c""" + where + " order by c.created_at desc, c.id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), time(rs.getTimestamp(6)), time(rs.getTimestamp(7)), rs.getInt(8), rs.getInt(9),
					rs.getInt(10), time(rs.getTimestamp(11))))
			.list();
		return new Page(query.page(), query.size(), total, cases);
	}

	private static OffsetDateTime time(java.sql.Timestamp t) {
		return (t != null) ? t.toInstant().atZone(CHINA).toOffsetDateTime() : null;
	}

}
