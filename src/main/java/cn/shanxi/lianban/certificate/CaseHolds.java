package cn.shanxi.lianban.certificate;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.audit.Audit;
import cn.shanxi.lianban.audit.AuditEntry;
import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of an operator on a case held because its application and its death
 * certificate name the deceased differently (姓名与死亡证明不一致): confirm it is the same person
 * (the case goes on as the certificate decides: it proceeds, or is rejected if not
 * eligible) or reject the case (not the same person: the family applies again with the
 * right details). Who decided and when is on the timeline, and in the audit log with the
 * decision, in its transaction.
 */
@Service
public class CaseHolds {

	/** The case's application and death certificate name the deceased differently. */
	public static final String NAME_MISMATCH = "NAME_MISMATCH";

	/** The case's death certificate was voided by its issuer. */
	public static final String CERTIFICATE_VOIDED = "CERTIFICATE_VOIDED";

	static final String NAME_MISMATCH_ZH = "姓名与死亡证明不一致";

	static final String NAME_MISMATCH_EN = "The name differs from the death certificate's";

	static final String NAME_MISMATCH_REASON = NAME_MISMATCH_ZH + "，待工作人员核实 / " + NAME_MISMATCH_EN
			+ ": a member of staff is checking it";

	private static final String NOT_THE_SAME_PERSON = "经核实，申请中的逝者与死亡证明不是同一人：请核对逝者姓名和身份证号码后重新申请"
			+ " / After checking, the deceased of the application is not the person of the death certificate: check the "
			+ "deceased's name and ID number and apply again";

	private static final Logger log = LoggerFactory.getLogger(CaseHolds.class);

	private final JdbcClient jdbc;

	private final CaseMatching matching;

	private final CertificateStore certificates;

	private final CaseTimeline timeline;

	private final Audit audit;

	CaseHolds(JdbcClient jdbc, CaseMatching matching, CertificateStore certificates, CaseTimeline timeline,
			Audit audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.matching = matching;
		this.certificates = certificates;
		this.timeline = timeline;
	}

	/** What a decision came to: the case's status after it. */
	public record Decision(String caseNo, String status, String decidedBy) {
	}

	/** The same person: the case goes on as its death certificate decides. */
	@Transactional
	public Decision confirm(String caseNo, Actor by) {
		String operator = by.id();
		Held held = held(caseNo);
		Optional<Applied> death = this.certificates.onRecordFor(held.deceasedIdNumber()).death();
		if (death.isEmpty()) {
			throw ProblemException.conflict("hold.noCertificate", "该案件的死亡证明已不在册，无法确认",
					"The case's death certificate is no longer on record",
					"请等待签发机构重新报送 / Wait for the issuer to send it again");
		}
		this.timeline.record(held.row().id, "HOLD_CONFIRMED", "operator:" + operator, Map.of("hold", NAME_MISMATCH,
				"operator", operator, "zh", "工作人员核实为同一人", "en", "Staff confirmed it is the same person"));
		this.matching.decide(held.row(), death.get(), CaseStatus.ON_HOLD);
		this.audit.change(by, caseNo, AuditEntry.Part.CASE);
		log.info("Operator {} confirmed held case {}: {}", operator, caseNo, held.row().status);
		return new Decision(caseNo, held.row().status, operator);
	}

	/** Not the same person: the case is rejected; nothing was sent for it. */
	@Transactional
	public Decision reject(String caseNo, Actor by) {
		String operator = by.id();
		Held held = held(caseNo);
		this.jdbc
			.sql("update case_file set status = ?, status_reason = ?, hold = null, updated_at = now() where id = ?")
			.params(CaseStatus.REJECTED.name(), NOT_THE_SAME_PERSON, held.row().id)
			.update();
		cn.shanxi.lianban.casefile.CaseChanges.mark(held.row().id);
		this.timeline.record(held.row().id, "HOLD_REJECTED", "operator:" + operator,
				Map.of("hold", NAME_MISMATCH, "operator", operator, "zh", "工作人员核实不是同一人，案件不予受理", "en",
						"Staff found it is not the same person: the case is rejected"));
		this.audit.change(by, caseNo, AuditEntry.Part.CASE);
		log.info("Operator {} rejected held case {}", operator, caseNo);
		return new Decision(caseNo, CaseStatus.REJECTED.name(), operator);
	}

	/** The case, locked, held for a name mismatch; else 404 or 409. */
	private Held held(String caseNo) {
		Optional<Object[]> found = this.jdbc
			.sql("select id, status, hold, deceased_id_number, deceased_name from case_file where case_no = ?")
			.param(caseNo)
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5) })
			.optional();
		if (found.isEmpty()) {
			throw ProblemException.notFound("案件不存在：" + caseNo, "No case " + caseNo);
		}
		String idNumber = (String) found.get()[3];
		// as the matching does: a certificate for this person waits, or is waited for
		this.matching.lockDeceased(idNumber);
		Object[] row = this.jdbc.sql(
				"select id, status, hold, deceased_id_number, deceased_name from case_file where id = ? for no key update")
			.param(found.get()[0])
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5) })
			.single();
		if (!CaseStatus.ON_HOLD.name().equals(row[1]) || !NAME_MISMATCH.equals(row[2])) {
			throw ProblemException.conflict("hold.none", "该案件没有待核实的姓名不一致", "The case is not held for a name to check",
					"案件状态为 " + row[1] + " / The case is " + row[1]);
		}
		CaseMatching.CaseRow c = new CaseMatching.CaseRow((Long) row[0], caseNo, (String) row[1], (String) row[4]);
		c.hold = (String) row[2];
		return new Held(c, idNumber);
	}

	private record Held(CaseMatching.CaseRow row, String deceasedIdNumber) {
	}

}
