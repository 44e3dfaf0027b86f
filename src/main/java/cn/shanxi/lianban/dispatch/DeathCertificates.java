package cn.shanxi.lianban.dispatch;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The death certificate on record for a deceased (table {@code certificate}, written by
 * the certificate use cases): the record as the partner sent it, which the mappings see
 * as {@code certificate}.
 */
@Component
class DeathCertificates {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	DeathCertificates(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<JsonNode> onRecord(String deceasedIdNumber) {
		return this.jdbc.sql("""
				select record::text from certificate
				where deceased_id_number = ? and kind in ('DEATH_MEDICAL', 'DEATH_NON_NORMAL') and status = 'ACTIVE'
				order by updated_at desc, id desc limit 1
				""").param(deceasedIdNumber).query(String.class).optional().map(this::read);
	}

	private JsonNode read(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored certificate record is not JSON", ex);
		}
	}

}
