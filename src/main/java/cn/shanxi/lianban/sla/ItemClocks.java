package cn.shanxi.lianban.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts a work item's clock (承诺时限): when it is sent to its agency, or — for an item that
 * waited on a certificate — when the certificate arrives. The first start wins: a resend
 * or a second certificate does not give the agency more time. For dispatch and the
 * certificate flow to call, inside their transaction.
 */
@Component
public class ItemClocks {

	private final JdbcClient jdbc;

	private final TimeLimits limits;

	ItemClocks(JdbcClient jdbc, TimeLimits limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	/**
	 * Sets the item's {@code due_at} from its agency's limit, unless its clock already
	 * runs.
	 * @return the item's due time, or empty when there is no such item
	 */
	public Optional<Instant> start(long workItemId, Instant clockStart) {
		Optional<String[]> item = this.jdbc.sql("select agency, type from work_item where id = ?")
			.param(workItemId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (item.isEmpty()) {
			return Optional.empty();
		}
		Instant due = this.limits.dueAt(item.get()[0], item.get()[1], clockStart);
		return this.jdbc.sql("""
				update work_item set due_at = coalesce(due_at, ?) where id = ? returning due_at
				""")
			.params(Timestamp.from(due), workItemId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

}
