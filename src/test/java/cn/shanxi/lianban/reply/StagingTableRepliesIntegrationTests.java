package cn.shanxi.lianban.reply;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The housing fund centre moves its staging table's status column on; the hub's
 * {@code sql:} poll applies each change once (the status it read is recorded with the
 * reply, in one transaction), however many polls see the row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StagingTableRepliesIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	private static final String TABLE = "housing_fund_centre.lb_gjj_tqsq";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void eachStatusChangeOfAStagingRowIsAppliedOnce() {
		CaseFlow flow = new CaseFlow(this.context, this.port);
		ObjectNode form = CaseFlow.form("HOUSING_FUND_WITHDRAWAL");
		String caseNo = flow.apply(form);
		flow.certify(form);
		flow.awaitSettled(caseNo, DEADLINE);
		String reference = caseNo + "-HOUSING_FUND_WITHDRAWAL";
		assertThat(flow.itemStatus(caseNo, "HOUSING_FUND_WITHDRAWAL")).isEqualTo("SENT");

		this.jdbc.sql("update " + TABLE + " set status = '1', remark = '处理中' where ref_no = ?")
			.param(reference)
			.update();
		await().atMost(DEADLINE).until(() -> "ACCEPTED".equals(flow.itemStatus(caseNo, "HOUSING_FUND_WITHDRAWAL")));
		await().atMost(DEADLINE).until(() -> "1".equals(readStatus(reference)));

		this.jdbc.sql("""
				update %s set status = '2', amount = 45678.90, remark = '已提取至社保卡账户', processed_at = now()
				where ref_no = ?""".formatted(TABLE)).param(reference).update();
		await().atMost(DEADLINE).until(() -> "DONE".equals(flow.itemStatus(caseNo, "HOUSING_FUND_WITHDRAWAL")));
		await().atMost(DEADLINE).until(() -> "2".equals(readStatus(reference)));

		// several polls later: each change once, nothing kept as a repeat
		await().during(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> anomalies(reference).isEmpty());
		assertThat(events(caseNo)).containsOnlyOnce("ITEM_ACCEPTED", "ITEM_DONE");
		BigDecimal amount = this.jdbc.sql("""
				select w.amount from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.type = 'HOUSING_FUND_WITHDRAWAL'
				""").param(caseNo).query(BigDecimal.class).single();
		assertThat(amount).isEqualByComparingTo("45678.90");
	}

	private String readStatus(String reference) {
		return this.jdbc.sql("select lb_read_status from " + TABLE + " where ref_no = ?")
			.param(reference)
			.query(String.class)
			.single();
	}

	private List<String> anomalies(String reference) {
		return this.jdbc.sql("select kind from reply_anomaly where reference = ?")
			.param(reference)
			.query(String.class)
			.list();
	}

	private List<String> events(String caseNo) {
		return this.jdbc.sql("""
				select e.type from case_event e join case_file c on c.id = e.case_id where c.case_no = ? order by e.id
				""").param(caseNo).query(String.class).list();
	}

}
