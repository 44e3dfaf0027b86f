package cn.shanxi.lianban.casefile;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deceased has at most one case that is not REJECTED: the family applies once, and the
 * agencies are asked once (three cases for one person sent three household
 * cancellations). Held by one unique index, {@value #INDEX} (migration V11_1), so two
 * applications at the same moment make one case; the second is refused and told which
 * case it can follow. When ID numbers become keyed-hash columns, the index and
 * {@link #openCase} move together.
 */
@Component
public class OneCasePerDeceased {

	/** The unique partial index on the deceased's normalised ID number. */
	public static final String INDEX = "case_file_one_case_per_deceased";

	private final JdbcClient jdbc;

	OneCasePerDeceased(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the database refused a write because the deceased has a case already. */
	public static boolean isViolation(DataIntegrityViolationException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null
					&& INDEX.equals(psql.getServerErrorMessage().getConstraint())) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getNextException() != null
					&& sql.getNextException().getMessage() != null
					&& sql.getNextException().getMessage().contains(INDEX)) {
				return true;
			}
		}
		return false;
	}

	/** The case of this deceased that is not REJECTED, if any: its case number. */
	public Optional<String> openCase(String deceasedIdNumber) {
		return this.jdbc.sql("select case_no from case_file where deceased_id_number = ? and status <> 'REJECTED'")
			.param(deceasedIdNumber)
			.query(String.class)
			.optional();
	}

}
