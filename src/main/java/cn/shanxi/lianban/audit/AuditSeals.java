package cn.shanxi.lianban.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals the audit log. An entry is written by the transaction that does what it records,
 * with that transaction's id; once every transaction below some id has ended (the oldest
 * running one, PostgreSQL's snapshot {@code xmin}), the entries below it are final and
 * sealed: chained one by one, in id order, onto the previous seal's hash with
 * HMAC-SHA256. So entries never wait for one another when written (no lock on a chain
 * head), and an entry edited, removed or slipped in later breaks its seal and every one
 * after it.
 */
@Component
public class AuditSeals {

	private static final Logger log = LoggerFactory.getLogger(AuditSeals.class);

	/** pg_advisory_xact_lock key: one sealer at a time among the hub instances. */
	private static final long SEAL_LOCK = 0x6c62_6175_6469_7431L;

	static final byte[] GENESIS = new byte[32];

	/** An entry as the seal reads it: every column, in a form that never varies. */
	static final String ENTRY = """
			select id, xid::text, (extract(epoch from at) * 1000000)::bigint, actor_kind, actor_id, actor_role,
			  on_behalf_of, action, case_no, part, purpose, source_ip, detail::text, at
			from audit_entry""";

	private final JdbcClient jdbc;

	private final SecretKeySpec key;

	private final Clock clock;

	AuditSeals(JdbcClient jdbc, AuditProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.key = new SecretKeySpec(properties.key().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.clock = clock;
	}

	/** Where the next seal starts: the end of the last seal (or purge) and its hash. */
	record Head(String xidTo, byte[] hash) {
	}

	Head head() {
		Optional<Head> seal = this.jdbc.sql("select xid_to::text, hash from audit_seal order by id desc limit 1")
			.query((rs, n) -> new Head(rs.getString(1), rs.getBytes(2)))
			.optional();
		return seal
			.or(() -> this.jdbc.sql("select xid_to::text, anchor_hash from audit_purge order by id desc limit 1")
				.query((rs, n) -> new Head(rs.getString(1), rs.getBytes(2)))
				.optional())
			.orElse(new Head("0", GENESIS));
	}

	/**
	 * Seals the entries of every transaction ended since the last seal; answers how many
	 * (0 when another instance is sealing, or nothing is new).
	 */
	@Transactional
	public int seal() {
		if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(SEAL_LOCK).query(Boolean.class).single()) {
			return 0;
		}
		String upTo = this.jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text")
			.query(String.class)
			.single();
		Head head = head();
		Chain chain = new Chain(this.key, head.hash());
		this.jdbc.sql(ENTRY + " where xid >= cast(? as xid8) and xid < cast(? as xid8) order by id")
			.params(head.xidTo(), upTo)
			.query((ResultSet rs) -> {
				chain.add(rs);
			});
		if (chain.count == 0) {
			return 0;
		}
		this.jdbc
			.sql("""
					insert into audit_seal (xid_from, xid_to, entries, first_id, last_id, last_at, prev_hash, hash, sealed_at)
					values (cast(? as xid8), cast(? as xid8), ?, ?, ?, ?, ?, ?, ?)
					""")
			.params(head.xidTo(), upTo, chain.count, chain.firstId, chain.lastId, Timestamp.from(chain.lastAt),
					head.hash(), chain.hash, Timestamp.from(this.clock.instant()))
			.update();
		log.debug("Sealed {} audit entries ({}..{})", chain.count, chain.firstId, chain.lastId);
		return chain.count;
	}

	/** The running HMAC chain over entries read in id order. */
	static final class Chain {

		private final Mac mac;

		byte[] hash;

		int count;

		long firstId;

		long lastId;

		Instant lastAt;

		Chain(SecretKeySpec key, byte[] start) {
			try {
				this.mac = Mac.getInstance("HmacSHA256");
				this.mac.init(key);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			this.hash = start;
		}

		void add(ResultSet rs) throws SQLException {
			long id = rs.getLong(1);
			this.mac.update(this.hash);
			// each value with its length: no two entries read alike
			for (int i = 1; i <= 13; i++) {
				String value = rs.getString(i);
				if (value == null) {
					this.mac.update(ByteBuffer.allocate(4).putInt(-1).array());
				}
				else {
					byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
					this.mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
					this.mac.update(bytes);
				}
			}
			this.hash = this.mac.doFinal();
			if (this.count == 0) {
				this.firstId = id;
			}
			this.count++;
			this.lastId = id;
			this.lastAt = rs.getTimestamp(14).toInstant();
		}

	}

	SecretKeySpec key() {
		return this.key;
	}

	/** The ids of the entries not sealed yet, oldest first (at most {@code limit}). */
	List<Long> unsealed(int limit) {
		return this.jdbc.sql("select id from audit_entry where xid >= cast(? as xid8) order by id limit ?")
			.params(head().xidTo(), limit)
			.query(Long.class)
			.list();
	}

}
