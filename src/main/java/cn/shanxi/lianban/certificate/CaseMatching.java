package cn.shanxi.lianban.certificate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.shanxi.lianban.casefile.ApplicationAccepted;
import cn.shanxi.lianban.casefile.CaseChanges;
import cn.shanxi.lianban.casefile.CaseMayProceed;
import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.support.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ties certificates to cases by the deceased's ID number, whichever comes first, and
 * decides eligibility. Always inside the caller's transaction: the application's (when
 * the certificate was there first) or the certificate chunk's.
 *
 * <p>
 * Both sides take a PostgreSQL advisory lock per deceased before they look for the other,
 * so an application and its certificate committing at the same moment can never both miss
 * each other. One lock per deceased, not one for all: two hospitals' uploads only wait
 * for each other where they name the same person. A chunk takes its locks in key order,
 * so two chunks cannot deadlock.
 */
@Component
class CaseMatching {

	private static final Logger log = LoggerFactory.getLogger(CaseMatching.class);

	/**
	 * The first half of the two-part advisory lock key ("LBCM"); the second is the hash
	 * of the deceased's ID number. Collisions only make two people share a lock.
	 */
	private static final int MATCHING_LOCKS = 0x4c42_434d;

	private static final String LOCK_DECEASED = """
			select count(pg_advisory_xact_lock(?, k)) from (
			  select distinct hashtext(id) as k from unnest(cast(? as text[])) as id order by k offset 0) keys
			""";

	/**
	 * The same lock for one person, as every application takes it: a plain function call,
	 * not the chunk's array taken apart, deduplicated and sorted (that form had replaced
	 * the intake's one-call shared lock in ec5c60c, on every application).
	 */
	private static final String LOCK_ONE = "select pg_advisory_xact_lock(?, hashtext(?))";

	private final JdbcClient jdbc;

	private final CaseTimeline timeline;

	private final CertificateStore certificates;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseMatching(JdbcClient jdbc, CaseTimeline timeline, CertificateStore certificates,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.certificates = certificates;
		this.events = events;
		this.clock = clock;
	}

	/** The certificate came first: the application is matched as it is accepted. */
	@EventListener
	void onApplicationAccepted(ApplicationAccepted accepted) {
		lockDeceased(accepted.deceasedIdNumber());
		CaseRow c = new CaseRow(accepted.caseId(), accepted.caseNo(), CaseStatus.AWAITING_CERTIFICATE.name(),
				accepted.deceasedName());
		CertificateStore.OnRecord onRecord = this.certificates.onRecordFor(accepted.deceasedIdNumber());
		onRecord.death().ifPresent((certificate) -> deathCertificate(c, certificate));
		for (String cremation : onRecord.cremations()) {
			cremation(c, cremation, "hub", false);
		}
	}

	/** Certificates changed in this chunk: apply each to the cases of its deceased. */
	void certificatesApplied(List<Applied> applied) {
		Map<String, List<Applied>> byDeceased = new LinkedHashMap<>();
		for (Applied a : applied) {
			if (a.deceasedIdNumber() != null) {
				byDeceased.computeIfAbsent(a.deceasedIdNumber(), (k) -> new ArrayList<>()).add(a);
			}
		}
		if (byDeceased.isEmpty()) {
			return;
		}
		lockDeceased(byDeceased.keySet().toArray(String[]::new));
		// for no key update: FOR UPDATE would also hold up every row that refers to these
		// cases (its foreign-key check) until the chunk commits; a delivery recorded for
		// one of them then deadlocked with the chunk withdrawing its request
		List<CaseKey> cases = this.jdbc.sql("""
				select id, case_no, status, deceased_id_number, deceased_name from case_file
				where deceased_id_number = any(?) order by id for no key update
				""")
			.param(byDeceased.keySet().toArray(String[]::new))
			.query((rs, i) -> new CaseKey(new CaseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(5)),
					rs.getString(4)))
			.list();
		// a person has one open case: a rejected one stays so once another was opened
		// (casefile/OneCasePerDeceased)
		java.util.Set<String> withOpenCase = new java.util.HashSet<>();
		for (CaseKey key : cases) {
			if (!key.row().status.equals(CaseStatus.REJECTED.name())) {
				withOpenCase.add(key.deceasedIdNumber());
			}
		}
		for (CaseKey key : cases) {
			CaseRow c = key.row();
			c.settled = c.status.equals(CaseStatus.REJECTED.name()) && withOpenCase.contains(key.deceasedIdNumber());
			for (Applied a : byDeceased.get(key.deceasedIdNumber())) {
				String source = "partner:" + a.partnerCode();
				if (a.kind() == RecordKind.CREMATION) {
					cremation(c, a.certificateNo(), source, a.voided());
				}
				else if (a.voided()) {
					voided(c, a, source);
				}
				else {
					deathCertificate(c, a);
				}
			}
		}
	}

	/** Waits for, then holds until commit, the matching locks of these people. */
	void lockDeceased(String[] idNumbers) {
		this.jdbc.sql(LOCK_DECEASED).params(MATCHING_LOCKS, idNumbers).query(Long.class).single();
	}

	/** {@link #lockDeceased(String[])} for one person. */
	void lockDeceased(String idNumber) {
		this.jdbc.sql(LOCK_ONE).params(MATCHING_LOCKS, idNumber).query((rs, n) -> 1).single();
	}

	private void deathCertificate(CaseRow c, Applied a) {
		String source = "partner:" + a.partnerCode();
		CaseStatus status = CaseStatus.valueOf(c.status);
		Map<String, Object> detail = Map.of("kind", a.kind().name(), "certificateNo", Masking.mask(a.certificateNo()));
		boolean undecided = status == CaseStatus.RECEIVED || status == CaseStatus.AWAITING_CERTIFICATE
				|| status == CaseStatus.ON_HOLD || (status == CaseStatus.REJECTED && !c.settled);
		this.timeline.record(c.id, a.replaced() ? "CERTIFICATE_UPDATED" : "CERTIFICATE_MATCHED", source, detail);
		if (!undecided) {
			return; // the case has proceeded: the correction is on its timeline
		}
		if (!DeceasedNames.same(c.deceasedName, a.deceasedName())) {
			// the same ID number, two names: nothing goes to the agencies until an
			// operator
			// has looked (an agency would cancel the household registration of whoever
			// the ID number names)
			if (status != CaseStatus.ON_HOLD || !CaseHolds.NAME_MISMATCH.equals(hold(c))) {
				setStatus(c, CaseStatus.ON_HOLD, CaseHolds.NAME_MISMATCH_REASON, CaseHolds.NAME_MISMATCH);
				this.timeline.record(c.id, "CASE_ON_HOLD", "hub", Map.of("hold", CaseHolds.NAME_MISMATCH, "reason",
						CaseHolds.NAME_MISMATCH_ZH, "reasonEn", CaseHolds.NAME_MISMATCH_EN));
				log.info("Case {} on hold: the application's and the death certificate's names differ", c.caseNo);
			}
			return;
		}
		decide(c, a, status);
	}

	/**
	 * Eligibility on the death certificate: REJECTED with the reason, or IN_PROGRESS and
	 * the case may proceed. Also an operator's confirmation of a held case
	 * ({@link CaseHolds}).
	 */
	void decide(CaseRow c, Applied a, CaseStatus status) {
		Optional<Reason> refusal = Eligibility.refusal(a);
		if (refusal.isPresent()) {
			if (status != CaseStatus.REJECTED) {
				Reason r = refusal.get();
				setStatus(c, CaseStatus.REJECTED, r.zh() + " / " + r.en(), null);
				this.timeline.record(c.id, "CASE_REJECTED", "hub",
						Map.of("code", r.code(), "reason", r.zh(), "reasonEn", r.en()));
				log.info("Case {} rejected: {}", c.caseNo, r.code());
			}
			return;
		}
		setStatus(c, CaseStatus.IN_PROGRESS, null, null);
		this.timeline.record(c.id, "CASE_ELIGIBLE", "hub", Map.of("kind", a.kind().name()));
		this.events.publishEvent(new CaseMayProceed(c.id, c.caseNo));
		log.info("Case {} may proceed: death certificate on record", c.caseNo);
	}

	private void voided(CaseRow c, Applied a, String source) {
		String why = (a.voidReason() != null) ? a.voidReason() : "签发机构作废";
		this.timeline.record(c.id, "CERTIFICATE_VOIDED", source,
				Map.of("kind", a.kind().name(), "certificateNo", Masking.mask(a.certificateNo()), "reason", why));
		if (c.status.equals(CaseStatus.IN_PROGRESS.name())) {
			setStatus(c, CaseStatus.ON_HOLD,
					"死亡证明已被签发机构作废：" + why + " / The death certificate was voided by its issuer: " + why,
					CaseHolds.CERTIFICATE_VOIDED);
		}
	}

	private void cremation(CaseRow c, String certificateNo, String source, boolean voided) {
		this.timeline.record(c.id, voided ? "CREMATION_VOIDED" : "CREMATION_RECORDED", source,
				Map.of("certificateNo", certificateNo));
		if (!voided) {
			this.events.publishEvent(new CremationRecorded(c.id, certificateNo));
		}
	}

	private void setStatus(CaseRow c, CaseStatus status, String reason, String hold) {
		CaseChanges.mark(c.id);
		this.jdbc.sql("update case_file set status = ?, status_reason = ?, hold = ?, updated_at = ? where id = ?")
			.params(status.name(), reason, hold, Timestamp.from(this.clock.instant()), c.id)
			.update();
		c.status = status.name();
		c.hold = hold;
	}

	private String hold(CaseRow c) {
		if (c.hold == null && c.status.equals(CaseStatus.ON_HOLD.name())) {
			c.hold = this.jdbc.sql("select hold from case_file where id = ?").param(c.id).query(String.class).single();
		}
		return c.hold;
	}

	/** A case as the matching sees it; its status follows the changes made here. */
	static final class CaseRow {

		final long id;

		final String caseNo;

		final String deceasedName;

		String status;

		String hold;

		/** REJECTED, and another case of its deceased is open: it stays rejected. */
		boolean settled;

		CaseRow(long id, String caseNo, String status, String deceasedName) {
			this.id = id;
			this.caseNo = caseNo;
			this.status = status;
			this.deceasedName = deceasedName;
		}

	}

	private record CaseKey(CaseRow row, String deceasedIdNumber) {
	}

}
