package cn.shanxi.lianban.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.simulator.SimulatedAgencies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances (two Spring contexts on one database) drain one outbox: every message
 * is claimed by one of them only, and no agency gets anything twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoHubInstancesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SimulatedAgencies agencies;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void twoInstancesDrainOneOutboxAndNoMessageIsSentTwice() {
		OtherHub other = OtherHub.extended();
		CaseFlow here = new CaseFlow(this.context, this.port);
		CaseFlow there = new CaseFlow(other.context(), other.port());
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ObjectNode form = CaseFlow.form();
			CaseFlow flow = (i % 2 == 0) ? here : there;
			cases.add(flow.apply(form));
			flow.certify(form);
		}
		for (String caseNo : cases) {
			here.awaitSettled(caseNo, Duration.ofSeconds(120));
		}
		this.agencies.readStagingTables();

		List<String> keys = this.jdbc.sql("""
				select m.dedup_key from outbox_message m join case_file c on c.id = m.case_id
				where c.case_no = any(?) and m.status = 'DELIVERED'
				""").param(cases.toArray(String[]::new)).query(String.class).list();
		assertThat(keys).hasSize(40 * 8);
		Integer notDelivered = this.jdbc.sql("""
				select count(*) from outbox_message m join case_file c on c.id = m.case_id
				where c.case_no = any(?) and m.status <> 'DELIVERED'
				""").param(cases.toArray(String[]::new)).query(Integer.class).single();
		assertThat(notDelivered).isZero();
		for (String key : keys) {
			if (!key.endsWith("HOUSING_FUND_WITHDRAWAL")) {
				assertThat(this.agencies.received().withKey(key)).as(key)
					.singleElement()
					.satisfies((r) -> assertThat(r.repeats()).as(key).isZero());
			}
		}
		// each message delivered by exactly one attempt of one instance
		List<Integer> deliveries = this.jdbc.sql("""
				select count(*) filter (where l.event = 'DELIVERED') from outbox_message m
				join case_file c on c.id = m.case_id left join message_log l on l.outbox_id = m.id
				where c.case_no = any(?) group by m.id
				""").param(cases.toArray(String[]::new)).query(Integer.class).list();
		assertThat(deliveries).hasSize(40 * 8).containsOnly(1);
		List<String> instances = this.jdbc.sql("""
				select distinct l.instance from message_log l join case_file c on c.id = l.case_id
				where c.case_no = any(?) and l.event = 'DELIVERED'
				""").param(cases.toArray(String[]::new)).query(String.class).list();
		assertThat(instances).as("both instances delivered").hasSize(2).contains("extended-hub");
		// the housing fund centre's staging table: one row per key (its unique ref_no)
		Integer rows = this.jdbc.sql("""
				select count(*) from housing_fund_centre.lb_gjj_tqsq where case_no = any(?)
				""").param(cases.toArray(String[]::new)).query(Integer.class).single();
		assertThat(rows).isEqualTo(40);
	}

}
