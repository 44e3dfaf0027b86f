package cn.shanxi.lianban;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.shanxi.lianban.support.IdNumbers;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case's way through the hub, over its real API: the family applies, the certificate
 * arrives, the outbox drains. Waits with deadlines, never sleeps.
 */
public final class CaseFlow {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HubApi api;

	private final JdbcClient jdbc;

	private final ApplicationContext context;

	public CaseFlow(ApplicationContext context, int port) {
		this.context = context;
		this.api = new HubApi(port);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	public HubApi api() {
		return this.api;
	}

	/** The family applies: answers the case number. */
	public String apply(ObjectNode form) {
		HubApi.Response answer = this.api.postJson("/api/v1/applications", HubApi.WEB, form.toString());
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return answer.json().get("caseNo").asText();
	}

	/** The example form for a new deceased, with these items ticked. */
	public static ObjectNode form(String... items) {
		ObjectNode form = Forms.fresh();
		if (items.length > 0) {
			ArrayNode list = form.putArray("items");
			List.of(items).forEach(list::add);
		}
		return form;
	}

	/**
	 * The hospital's death certificate for the form's deceased
	 * (certificate.example.json).
	 */
	public static ObjectNode certificate(ObjectNode form) {
		try (InputStream in = CaseFlow.class.getResourceAsStream("/forms/certificate.example.json")) {
			ObjectNode record = (ObjectNode) JSON.readTree(in);
			String id = form.path("deceased").path("idNumber").asText();
			record.put("certificateNo", id);
			ObjectNode deceased = record.with("deceased");
			deceased.put("idNumber", id);
			deceased.put("name", form.path("deceased").path("name").asText());
			deceased.put("birthDate", IdNumbers.birthDate(id).toString());
			return record;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The hospital pushes the death certificate of the form's deceased
	 * ({@code POST /api/v1/certificates}); a case waiting for it may proceed.
	 */
	public void certify(ObjectNode form) {
		HubApi.Response receipt = this.api.postJson("/api/v1/certificates", HubApi.HOSPITAL,
				certificate(form).toString());
		assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
		assertThat(receipt.body()).contains("ACCEPTED");
	}

	/**
	 * Puts the death certificate on file and nothing more — no matching, no case proceeds
	 * — for a test that lets the case proceed itself.
	 */
	public void fileCertificateOnly(ObjectNode form) {
		ObjectNode record = certificate(form);
		String id = record.path("certificateNo").asText();
		this.jdbc.sql("""
				insert into certificate (kind, certificate_no, partner_code, status, action, version, content_sha256,
				  deceased_id_number, household_region_code, death_region_code, record, submission_id, line_no,
				  created_at, updated_at)
				values ('DEATH_MEDICAL', ?, 'SXPH', 'ACTIVE', 'SUBMIT', 1, repeat('0', 64), ?, '140105', '140105',
				  cast(? as json), 0, 1, now(), now())
				""").params(id, id, record.toString()).update();
	}

	/**
	 * Waits until every message of the case has left the outbox (delivered or parked).
	 */
	public void awaitSettled(String caseNo, Duration within) {
		await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> pending(caseNo) == 0);
	}

	/** Messages of the case not yet delivered or parked. */
	public int pending(String caseNo) {
		return this.jdbc.sql("""
				select count(*) from outbox_message m join case_file c on c.id = m.case_id
				where c.case_no = ? and m.status in ('PENDING', 'BATCHED')
				""").param(caseNo).query(Integer.class).single();
	}

	/** A work item's status. */
	public String itemStatus(String caseNo, String type) {
		return this.jdbc.sql("""
				select w.status from work_item w join case_file c on c.id = w.case_id where c.case_no = ? and w.type = ?
				""").params(caseNo, type).query(String.class).single();
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

}
