package cn.shanxi.lianban.audit;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the audit log end to end: every seal follows the one before (or the retention
 * purge's anchor) without a gap, and its entries, read again, give its hash. An entry
 * edited, removed or added afterwards, or a seal altered, is named with the seal and the
 * entries it covers.
 */
@Component
public class AuditChain {

	private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

	private final JdbcClient jdbc;

	private final AuditSeals seals;

	AuditChain(JdbcClient jdbc, AuditSeals seals) {
		this.jdbc = jdbc;
		this.seals = seals;
	}

	/** What the check found; {@code intact} when {@code problems} is empty. */
	public record Verification(boolean intact, int seals, long entries, long unsealed, List<Broken> problems) {
	}

	/** A seal that does not hold, and why (Chinese / English). */
	public record Broken(long sealId, long firstEntryId, long lastEntryId, String zh, String en) {
	}

	private record Seal(long id, String xidFrom, String xidTo, int entries, long firstId, long lastId, byte[] prevHash,
			byte[] hash) {
	}

	public Verification verify() {
		List<Broken> problems = new ArrayList<>();
		Optional<AuditSeals.Head> anchor = this.jdbc
			.sql("select xid_to::text, anchor_hash from audit_purge order by id desc limit 1")
			.query((rs, n) -> new AuditSeals.Head(rs.getString(1), rs.getBytes(2)))
			.optional();
		String expectedFrom = anchor.map(AuditSeals.Head::xidTo).orElse("0");
		byte[] expectedPrev = anchor.map(AuditSeals.Head::hash).orElse(AuditSeals.GENESIS);
		long before = this.jdbc.sql("select count(*) from audit_entry where xid < cast(? as xid8)")
			.param(expectedFrom)
			.query(Long.class)
			.single();
		if (before > 0) {
			problems.add(new Broken(0, 0, 0, before + " 条审计记录早于第一个封存且不属于任何封存",
					before + " entries older than the first seal belong to no seal"));
		}
		List<Seal> all = this.jdbc
			.sql("select id, xid_from::text, xid_to::text, entries, first_id, last_id, prev_hash, hash "
					+ "from audit_seal order by id")
			.query((rs, n) -> new Seal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
					rs.getLong(6), rs.getBytes(7), rs.getBytes(8)))
			.list();
		long entries = 0;
		for (Seal seal : all) {
			if (!seal.xidFrom().equals(expectedFrom) || !MessageDigest.isEqual(seal.prevHash(), expectedPrev)) {
				problems.add(broken(seal, "封存与前一封存不衔接（有封存被删除或改动）",
						"The seal does not follow the one before (a seal was removed or altered)"));
			}
			AuditSeals.Chain chain = new AuditSeals.Chain(this.seals.key(), seal.prevHash());
			this.jdbc.sql(AuditSeals.ENTRY + " where xid >= cast(? as xid8) and xid < cast(? as xid8) order by id")
				.params(seal.xidFrom(), seal.xidTo())
				.query((ResultSet rs) -> {
					chain.add(rs);
				});
			entries += chain.count;
			if (chain.count != seal.entries() || !MessageDigest.isEqual(chain.hash, seal.hash())) {
				problems
					.add(broken(seal, "封存所含记录与封存时不符（" + seal.entries() + " 条封存，现有 " + chain.count + " 条）：记录被改动、删除或插入",
							"The entries differ from those sealed (" + seal.entries() + " sealed, " + chain.count
									+ " now): an entry was edited, removed or slipped in"));
			}
			expectedFrom = seal.xidTo();
			expectedPrev = seal.hash();
		}
		long unsealed = this.jdbc.sql("select count(*) from audit_entry where xid >= cast(? as xid8)")
			.param(expectedFrom)
			.query(Long.class)
			.single();
		Verification result = new Verification(problems.isEmpty(), all.size(), entries, unsealed,
				List.copyOf(problems));
		if (result.intact()) {
			log.info("Audit log intact: {} seals, {} entries, {} not sealed yet, last seal {}", all.size(), entries,
					unsealed, all.isEmpty() ? "-" : HexFormat.of().formatHex(all.get(all.size() - 1).hash()));
		}
		else {
			problems.forEach((p) -> log.error("Audit log broken at seal {} (entries {}..{}): {}", p.sealId(),
					p.firstEntryId(), p.lastEntryId(), p.en()));
		}
		return result;
	}

	private static Broken broken(Seal seal, String zh, String en) {
		return new Broken(seal.id(), seal.firstId(), seal.lastId(), zh, en);
	}

}
