package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells the hub's own passing trouble — the database unreachable, restarting or out of
 * connections, a transaction that lost a race, a full disk — from everything else. A file
 * that met passing trouble stays where it is and is taken again at a later poll (resumed
 * after its last committed chunk); anything else would fail again at every poll, so the
 * file goes to {@code error/} with its reason.
 */
final class FileFailures {

	private FileFailures() {
	}

	static boolean isHubTrouble(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
					|| t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null && passing(sql.getSQLState())) {
				return true;
			}
			if (t instanceof IOException io && io.getMessage() != null) {
				String message = io.getMessage().toLowerCase(Locale.ROOT);
				if (message.contains("no space left") || message.contains("disk quota exceeded")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * PostgreSQL's classes of passing trouble: 08 connection, 40 transaction rollback
	 * (serialization, deadlock), 53 insufficient resources, 57P operator intervention
	 * (shutdown, restart).
	 */
	private static boolean passing(String state) {
		return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P");
	}

}
