package cn.shanxi.lianban.certificate;

import java.sql.Timestamp;
import java.time.Instant;

import cn.shanxi.lianban.casefile.ApplicationAccepted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a case the way the intake does: the row with status AWAITING_CERTIFICATE, and
 * {@link ApplicationAccepted} published inside the same transaction.
 */
final class TestCases {

	private TestCases() {
	}

	static long apply(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
			String deceasedIdNumber) {
		return tx.execute((status) -> {
			String caseNo = "SXT" + System.nanoTime() % 1_000_000_000_000L;
			Timestamp now = Timestamp.from(Instant.now());
			long id = jdbc.sql("""
					insert into case_file (case_no, status, channel, client_id, deceased_id_number, deceased_name,
					  applicant_id_number, applicant_phone, form, created_at, updated_at)
					values (?, 'AWAITING_CERTIFICATE', 'WEB', 'portal-web', ?, '李大山', '140105198001010012',
					  '13812345678', '{}'::jsonb, ?, ?) returning id
					""").params(caseNo, deceasedIdNumber, now, now).query(Long.class).single();
			events.publishEvent(new ApplicationAccepted(id, caseNo, deceasedIdNumber));
			return id;
		});
	}

	static String status(JdbcClient jdbc, long caseId) {
		return jdbc.sql("select status from case_file where id = ?").param(caseId).query(String.class).single();
	}

	static String reason(JdbcClient jdbc, long caseId) {
		return jdbc.sql("select status_reason from case_file where id = ?").param(caseId).query(String.class).single();
	}

	static java.util.List<String> events(JdbcClient jdbc, long caseId) {
		return jdbc.sql("select type from case_event where case_id = ? order by id")
			.param(caseId)
			.query(String.class)
			.list();
	}

}
