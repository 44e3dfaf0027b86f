package cn.shanxi.lianban.certificate;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cremation records on file for a deceased, for the capabilities that complete the
 * {@code CREMATION_CERTIFICATE} work item (see {@link CremationRecorded}).
 */
@Component
public class CremationRecords {

	private final JdbcClient jdbc;

	CremationRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active (not voided) cremation records for the deceased, oldest first. */
	public List<CremationRecord> forDeceased(String deceasedIdNumber) {
		return this.jdbc.sql("""
				select certificate_no, partner_code, record->'funeralHome'->>'name', issued_at, death_certificate_no
				from certificate where kind = 'CREMATION' and status = 'ACTIVE' and deceased_id_number = ?
				order by id
				""")
			.param(deceasedIdNumber)
			.query((rs, i) -> new CremationRecord(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.list();
	}

	/**
	 * @param crematedAt the cremation time (or the record's issue time)
	 * @param deathCertificateNo the death certificate it names, if known
	 */
	public record CremationRecord(String certificateNo, String partnerCode, String funeralHomeName,
			OffsetDateTime crematedAt, String deathCertificateNo) {
	}

}
