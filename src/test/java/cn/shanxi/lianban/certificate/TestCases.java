package cn.shanxi.lianban.certificate;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.TestIds;
import cn.shanxi.lianban.casefile.ApplicationAccepted;
import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.intake.AcceptApplication;
import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens a case through the real intake use case ({@link AcceptApplication}): the example
 * form for the given deceased, with its work items, and {@link ApplicationAccepted}
 * published inside the same transaction.
 */
final class TestCases {

	private static final ObjectMapper FORMS = new ObjectMapper().registerModule(new JavaTimeModule());

	private TestCases() {
	}

	static long apply(AcceptApplication accept, JdbcClient jdbc, String deceasedIdNumber) {
		ObjectNode json = Forms.example();
		json.with("deceased").put("idNumber", deceasedIdNumber);
		json.with("applicant").put("idNumber", TestIds.next());
		ApplicationForm form = FORMS.convertValue(json, ApplicationForm.class);
		Actor web = Actor.client("portal-web", Role.CHANNEL, "WEB", null, null, null);
		String caseNo = accept
			.accept(new AcceptApplication.Command(web, form, null, List.of(), List.of(), null, deceasedIdNumber))
			.caseNo();
		return jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).single();
	}

	static String status(JdbcClient jdbc, long caseId) {
		return jdbc.sql("select status from case_file where id = ?").param(caseId).query(String.class).single();
	}

	static String reason(JdbcClient jdbc, long caseId) {
		return jdbc.sql("select status_reason from case_file where id = ?").param(caseId).query(String.class).single();
	}

	static java.util.List<String> events(JdbcClient jdbc, long caseId) {
		// what certificates wrote on the timeline; the intake's and the agencies' events
		// are theirs
		return jdbc.sql("""
				select type from case_event where case_id = ? and (type like 'CERTIFICATE%' or type like 'CREMATION%'
				  or type in ('CASE_ELIGIBLE', 'CASE_REJECTED')) order by id""")
			.param(caseId)
			.query(String.class)
			.list();
	}

}
