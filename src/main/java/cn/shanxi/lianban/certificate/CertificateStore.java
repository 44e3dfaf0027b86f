package cn.shanxi.lianban.certificate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The certificate tables. New certificates go in as one set-based insert per chunk
 * ({@code unnest} of arrays, {@code on conflict do nothing}); only records that meet a
 * certificate already on record take the row-by-row path that compares versions.
 */
@Component
class CertificateStore {

	private static final String BULK_INSERT = """
			insert into certificate (kind, certificate_no, partner_code, status, action, version, issued_at,
			  content_sha256, deceased_id_number, household_region_code, death_region_code, death_certificate_no,
			  void_reason, record, submission_id, line_no, created_at, updated_at)
			select r.kind, r.no, ?, r.status, r.action, r.version, r.issued_at, r.sha, r.id, r.hh, r.dr, r.dcn, r.vr,
			  r.rec::json, ?, r.line, ?, ?
			from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::text[], ?::text[],
			  ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
			  as r(kind, no, status, action, version, issued_at, sha, id, hh, dr, dcn, vr, rec, line)
			order by r.kind, r.no
			on conflict (kind, certificate_no) do nothing
			returning kind, certificate_no
			""";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	CertificateStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the records whose certificate is not on record yet (at most one record per
	 * certificate), in one statement.
	 * @return the {@link CertificateRecord#key() keys} of those inserted
	 */
	java.util.Set<String> insertNew(String partnerCode, long submissionId, List<CertificateRecord> records,
			Instant now) {
		java.util.Set<String> inserted = new java.util.HashSet<>();
		if (records.isEmpty()) {
			return inserted;
		}
		this.jdbcTemplate.execute((Connection con) -> {
			int n = records.size();
			String[] kind = new String[n], no = new String[n], status = new String[n], action = new String[n],
					sha = new String[n], id = new String[n], hh = new String[n], dr = new String[n],
					dcn = new String[n], vr = new String[n], rec = new String[n];
			Integer[] version = new Integer[n], line = new Integer[n];
			Timestamp[] issued = new Timestamp[n];
			for (int i = 0; i < n; i++) {
				CertificateRecord r = records.get(i);
				kind[i] = r.kind().name();
				no[i] = r.certificateNo();
				status[i] = (r.action() == RecordAction.VOID) ? "VOIDED" : "ACTIVE";
				action[i] = r.action().name();
				version[i] = r.version();
				issued[i] = (r.issuedAt() != null) ? Timestamp.from(r.issuedAt()) : null;
				sha[i] = r.sha256();
				id[i] = r.deceasedIdNumber();
				hh[i] = r.householdRegionCode();
				dr[i] = r.deathRegionCode();
				dcn[i] = r.deathCertificateNo();
				vr[i] = r.voidReason();
				rec[i] = r.json();
				line[i] = r.lineNo();
			}
			try (PreparedStatement ps = con.prepareStatement(BULK_INSERT)) {
				Timestamp at = Timestamp.from(now);
				ps.setString(1, partnerCode);
				ps.setLong(2, submissionId);
				ps.setTimestamp(3, at);
				ps.setTimestamp(4, at);
				int p = 5;
				for (Object[] values : new Object[][] { kind, no, status, action }) {
					ps.setArray(p++, con.createArrayOf("text", values));
				}
				ps.setArray(p++, con.createArrayOf("int4", version));
				ps.setArray(p++, con.createArrayOf("timestamptz", issued));
				for (Object[] values : new Object[][] { sha, id, hh, dr, dcn, vr, rec }) {
					ps.setArray(p++, con.createArrayOf("text", values));
				}
				ps.setArray(p, con.createArrayOf("int4", line));
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						inserted.add(rs.getString(1) + '|' + rs.getString(2));
					}
				}
			}
			return null;
		});
		return inserted;
	}

	/**
	 * Stores the records whose certificate is not on record yet (at most one record per
	 * certificate) with {@code COPY}: PostgreSQL then writes them a page at a time, not a
	 * row at a time, and skips the speculative insertion of {@code on conflict}. A
	 * certificate already on record, or one that another transaction stores meanwhile,
	 * makes the copy fail with a unique violation
	 * ({@link org.springframework.dao.DuplicateKeyException}): the caller then redoes the
	 * chunk with {@link #insertNew}.
	 * @param lookUpFirst copy only those not found on record (a submission that met some
	 * already); else copy them all (a file of new certificates, the usual case, is not
	 * looked up twice)
	 * @return the {@link CertificateRecord#key() keys} of those inserted
	 */
	java.util.Set<String> copyNew(String partnerCode, long submissionId, List<CertificateRecord> records, Instant now,
			boolean lookUpFirst) {
		java.util.Set<String> inserted = new java.util.HashSet<>();
		if (records.isEmpty()) {
			return inserted;
		}
		java.util.Set<String> onRecord = lookUpFirst ? onRecord(records) : java.util.Set.of();
		List<CertificateRecord> fresh = new ArrayList<>(records.size());
		for (CertificateRecord r : records) {
			if (!onRecord.contains(r.key())) {
				fresh.add(r);
			}
		}
		if (fresh.isEmpty()) {
			return inserted;
		}
		// in key order, like the one-statement insert: two writers never wait on each
		// other in opposite orders
		fresh.sort(java.util.Comparator.comparing((CertificateRecord r) -> r.kind().name())
			.thenComparing(CertificateRecord::certificateNo));
		this.jdbcTemplate.execute((Connection con) -> {
			CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			try {
				CertificateCopy rows = new CertificateCopy(partnerCode, submissionId, now);
				for (CertificateRecord r : fresh) {
					rows.add(r);
					if (rows.size() >= CertificateCopy.FLUSH_AT) {
						rows.writeTo(copy);
					}
				}
				rows.finish(copy);
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			return null;
		});
		for (CertificateRecord r : fresh) {
			inserted.add(r.key());
		}
		return inserted;
	}

	private java.util.Set<String> onRecord(List<CertificateRecord> records) {
		String[] kinds = new String[records.size()];
		String[] numbers = new String[records.size()];
		for (int i = 0; i < kinds.length; i++) {
			kinds[i] = records.get(i).kind().name();
			numbers[i] = records.get(i).certificateNo();
		}
		return new java.util.HashSet<>(this.jdbc.sql("""
				select c.kind || '|' || c.certificate_no from unnest(?::text[], ?::text[]) as r (kind, no)
				join certificate c on c.kind = r.kind and c.certificate_no = r.no
				""").params(kinds, numbers).query(String.class).list());
	}

	private static final String COPY = "copy certificate (" + CertificateCopy.COLUMNS + ") from stdin (format binary)";

	/** The version on record, locked until the transaction ends. */
	Optional<Current> lockCurrent(RecordKind kind, String certificateNo) {
		return this.jdbc
			.sql("select id, partner_code, status, version, issued_at, content_sha256 from certificate"
					+ " where kind = ? and certificate_no = ? for update")
			.params(kind.name(), certificateNo)
			.query((rs, i) -> new Current(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
					toInstant(rs.getTimestamp(5)), rs.getString(6)))
			.optional();
	}

	/**
	 * Keeps the version on record in the history and puts the newer one in its place. A
	 * VOID keeps the record it withdraws (the deceased's data stays findable).
	 */
	Applied replace(Current current, CertificateRecord r, long submissionId, Instant now) {
		this.jdbc.sql("""
				insert into certificate_version (certificate_id, status, action, version, issued_at, content_sha256,
				  record, submission_id, line_no, received_at, replaced_at)
				select id, status, action, version, issued_at, content_sha256, record, submission_id, line_no,
				  updated_at, ? from certificate where id = ?
				""").params(Timestamp.from(now), current.id()).update();
		boolean voiding = r.action() == RecordAction.VOID;
		String sql = voiding ? """
				update certificate set status = 'VOIDED', action = ?, version = ?, issued_at = ?, content_sha256 = ?,
				  void_reason = ?, submission_id = ?, line_no = ?, updated_at = ?
				where id = ?
				returning deceased_id_number, household_region_code, death_region_code, partner_code
				""" : """
				update certificate set status = 'ACTIVE', action = ?, version = ?, issued_at = ?, content_sha256 = ?,
				  void_reason = null, submission_id = ?, line_no = ?, updated_at = ?, deceased_id_number = ?,
				  household_region_code = ?, death_region_code = ?, death_certificate_no = ?, record = ?::json
				where id = ?
				returning deceased_id_number, household_region_code, death_region_code, partner_code
				""";
		List<Object> params = new ArrayList<>(List.of(r.action().name()));
		params.add(r.version());
		params.add((r.issuedAt() != null) ? Timestamp.from(r.issuedAt()) : null);
		params.add(r.sha256());
		if (voiding) {
			params.add(r.voidReason());
		}
		params.add(submissionId);
		params.add(r.lineNo());
		params.add(Timestamp.from(now));
		if (!voiding) {
			params.addAll(java.util.Arrays.asList(r.deceasedIdNumber(), r.householdRegionCode(), r.deathRegionCode(),
					r.deathCertificateNo(), r.json()));
		}
		params.add(current.id());
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, i) -> new Applied(r.kind(), r.certificateNo(), rs.getString(4), voiding, true, rs.getString(1),
					rs.getString(2), rs.getString(3), r.voidReason(), r.deceasedName()))
			.single();
	}

	/**
	 * What is on record for a deceased, in one round trip: the latest active death
	 * certificate (medical or non-normal) and the active cremation records, oldest first.
	 */
	OnRecord onRecordFor(String deceasedIdNumber) {
		List<Object[]> rows = this.jdbc.sql("""
				select id, kind, certificate_no, partner_code, deceased_id_number, household_region_code,
				  death_region_code, updated_at, record->'deceased'->>'name' from certificate
				where deceased_id_number = ? and status = 'ACTIVE'
				  and kind in ('DEATH_MEDICAL', 'DEATH_NON_NORMAL', 'CREMATION')
				order by id
				""")
			.param(deceasedIdNumber)
			.query((rs,
					i) -> new Object[] {
							new Applied(RecordKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), false,
									false, rs.getString(5), rs.getString(6), rs.getString(7), null, rs.getString(9)),
							rs.getTimestamp(8) })
			.list();
		Applied death = null;
		Timestamp latest = null;
		List<String> cremations = new java.util.ArrayList<>();
		for (Object[] row : rows) {
			Applied a = (Applied) row[0];
			Timestamp updated = (Timestamp) row[1];
			if (a.kind() == RecordKind.CREMATION) {
				cremations.add(a.certificateNo());
			}
			else if (latest == null || updated.after(latest)) {
				death = a;
				latest = updated;
			}
		}
		return new OnRecord(Optional.ofNullable(death), List.copyOf(cremations));
	}

	/** See {@link #onRecordFor}. */
	record OnRecord(Optional<Applied> death, List<String> cremations) {
	}

	private static Instant toInstant(Timestamp ts) {
		return (ts != null) ? ts.toInstant() : null;
	}

	/** The version on record. */
	record Current(long id, String partnerCode, String status, Integer version, Instant issuedAt,
			String contentSha256) {
	}

}
