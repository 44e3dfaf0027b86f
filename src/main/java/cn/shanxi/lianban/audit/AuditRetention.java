package cn.shanxi.lianban.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.audit.AuditEntry.Action;
import cn.shanxi.lianban.audit.AuditEntry.Part;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges the audit log past its retention, whole seals at a time: the seals whose newest
 * entry is older than the retention, with their entries. The last purged seal's hash is
 * kept as the anchor the next seal chains to, the purge is logged and is itself an entry
 * of the log.
 */
@Component
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcClient jdbc;

	private final AuditProperties properties;

	private final Audit audit;

	private final Clock clock;

	AuditRetention(JdbcClient jdbc, AuditProperties properties, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** Answers how many entries were purged. */
	@Transactional
	public long purge() {
		Instant now = this.clock.instant();
		Instant olderThan = now.minus(this.properties.retention());
		record Last(long id, String xidTo, byte[] hash) {
		}
		Optional<Last> last = this.jdbc.sql("""
				select id, xid_to::text, hash from audit_seal where last_at < ? order by id desc limit 1
				""")
			.param(Timestamp.from(olderThan))
			.query((rs, n) -> new Last(rs.getLong(1), rs.getString(2), rs.getBytes(3)))
			.optional();
		if (last.isEmpty()) {
			return 0;
		}
		// the append-only triggers let this transaction's deletes through, and no other
		this.jdbc.sql("select set_config('lianban.audit_purge', 'on', true)").query(String.class).single();
		long entries = this.jdbc.sql("delete from audit_entry where xid < cast(? as xid8)")
			.param(last.get().xidTo())
			.update();
		this.jdbc.sql("delete from audit_seal where id <= ?").param(last.get().id()).update();
		this.jdbc.sql("select set_config('lianban.audit_purge', 'off', true)").query(String.class).single();
		this.jdbc.sql("""
				insert into audit_purge (purged_at, seal_id, xid_to, entries, older_than, anchor_hash)
				values (?, ?, cast(? as xid8), ?, ?, ?)
				""")
			.params(Timestamp.from(now), last.get().id(), last.get().xidTo(), entries, Timestamp.from(olderThan),
					last.get().hash())
			.update();
		this.audit.record(Actor.HUB, Action.PURGE, null, Part.AUDIT_LOG,
				"retention " + this.properties.retention() + ": " + entries + " entries older than " + olderThan);
		log.warn("Audit log retention: purged {} entries (seals up to {}) older than {}", entries, last.get().id(),
				olderThan);
		return entries;
	}

}
