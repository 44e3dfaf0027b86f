package cn.shanxi.lianban.dispatch;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case as the agencies' mappings see it: the form as accepted, with caseNo, channel
 * and createdAt.
 */
@Component
class CaseContexts {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	CaseContexts(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	ObjectNode of(long caseId) {
		return this.jdbc.sql("select case_no, channel, created_at, form::text from case_file where id = ?")
			.param(caseId)
			.query((rs, n) -> {
				ObjectNode node = (ObjectNode) read(rs.getString(4));
				node.put("caseNo", rs.getString(1));
				node.put("channel", rs.getString(2));
				node.put("createdAt", ISO.format(rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(CHINA)));
				return node;
			})
			.single();
	}

	private JsonNode read(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored form is not JSON", ex);
		}
	}

}
