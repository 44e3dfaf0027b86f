package cn.shanxi.lianban.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key}: the first request with a key claims it inside its transaction;
 * a second one with the same key waits on the claim (PostgreSQL's unique index), then
 * gets the first answer.
 */
@Component
class IdempotencyRecords {

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What an earlier request with this key stored. */
	record Earlier(String requestSha256, String caseNo, String responseBody) {
	}

	/**
	 * Claims the key for this request, or answers what the earlier request with the key
	 * stored. Blocks while another transaction holds an uncommitted claim on the same
	 * key.
	 */
	Optional<Earlier> claim(String clientId, String key, String requestSha256) {
		int claimed = this.jdbc.sql("""
				insert into idempotency_record (client_id, idem_key, request_sha256, case_no, response_body, created_at)
				values (?, ?, ?, '', '', ?) on conflict do nothing
				""").params(clientId, key, requestSha256, Timestamp.from(this.clock.instant())).update();
		if (claimed == 1) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql(
				"select request_sha256, case_no, response_body from idempotency_record where client_id = ? and idem_key = ?")
			.params(clientId, key)
			.query((rs, n) -> new Earlier(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single());
	}

	void complete(String clientId, String key, String caseNo, String responseBody) {
		this.jdbc
			.sql("update idempotency_record set case_no = ?, response_body = ? where client_id = ? and idem_key = ?")
			.params(caseNo, responseBody, clientId, key)
			.update();
	}

}
