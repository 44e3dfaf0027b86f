package cn.shanxi.lianban.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.HubApi;
import cn.shanxi.lianban.TestClock;
import cn.shanxi.lianban.casefile.CaseRecords;
import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.sla.OverdueSweep;
import cn.shanxi.lianban.status.ItemOutcome.ItemRef;
import cn.shanxi.lianban.status.OutcomeResult.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Applying agencies' outcomes to work items, on real cases in the real database: moves,
 * amounts, offline reasons, the case's status, and the replies that must not be applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplyItemOutcomeIntegrationTests {

	private static final String ACCOUNT = "6212260502000000005";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplyItemOutcome apply;

	@Autowired
	OverdueSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseRecords records;

	@Autowired
	TestClock clock;

	Cases cases;

	HubApi api;

	@BeforeEach
	void setUp() {
		this.cases = new Cases(this.port, this.context);
		this.api = new HubApi(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aPaymentIsShownOnTheCaseWithTheAmountAndOnlyTheMaskedAccount() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long refund = this.cases.items(c).get("PENSION_ACCOUNT_REFUND");

		OutcomeResult result = this.apply.apply(new ItemOutcome(ItemRef.id(refund), WorkItemStatus.DONE, null, null,
				new BigDecimal("12345.60"), ACCOUNT, "agency:HRSS"));

		assertThat(result.kind()).isEqualTo(Kind.APPLIED);
		assertThat(result.caseNo()).isEqualTo(c.caseNo());
		JsonNode item = workItem(c, "PENSION_ACCOUNT_REFUND");
		assertThat(item.get("status").asText()).isEqualTo("DONE");
		assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("12345.6");
		assertThat(item.get("paidToAccount").asText()).isEqualTo("6212***********0005");
		JsonNode event = lastEvent(c, "ITEM_DONE");
		assertThat(event.get("source").asText()).isEqualTo("agency:HRSS");
		assertThat(event.get("detail").get("account").asText()).isEqualTo("6212***********0005");
		assertThat(this.jdbc.sql("""
				select count(*) from work_item w, case_event e, notification_outbox o
				where w.case_id = ? and e.case_id = w.case_id and o.case_id = w.case_id
				  and (w.paid_to_account like ? or e.detail::text like ? or o.payload like ?)
				""")
			.params(c.id(), "%" + ACCOUNT + "%", "%" + ACCOUNT + "%", "%" + ACCOUNT + "%")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.cases.outbox(c, "SMS")).contains("ITEM_DONE:PENSION_ACCOUNT_REFUND");
		assertThat(smsText(c, "ITEM_DONE")).contains("12345.60元", "尾号0005").doesNotContain(ACCOUNT);
	}

	@Test
	void whenEveryItemIsDoneTheCaseIsCompletedOnceAndTheFamilyIsTold() {
		Case c = this.cases.apply();
		this.cases.eligible(c);

		for (long id : this.cases.items(c).values()) {
			this.apply.apply(done(id, agencyOf(id)));
		}

		assertThat(this.cases.status(c)).isEqualTo("COMPLETED");
		List<String> timeline = this.cases.timeline(c);
		assertThat(timeline).containsOnlyOnce("CASE_COMPLETED").endsWith("ITEM_DONE", "CASE_COMPLETED");
		assertThat(this.cases.outbox(c, "SMS")).containsOnlyOnce("CASE_COMPLETED")
			.filteredOn((e) -> e.startsWith("ITEM_DONE:"))
			.hasSize(this.cases.items(c).size());
		assertThat(this.api.get("/api/v1/applications/" + c.caseNo(), HubApi.WEB).json().get("statusReason").asText())
			.contains("全部事项已办结", "Every item is done");
	}

	@Test
	void anItemAtTheWindowSaysWhyAndWhatToBringAndTheCaseIsCompletedPartially() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		Map<String, Long> items = this.cases.items(c);
		long fund = items.get("HOUSING_FUND_WITHDRAWAL");

		OutcomeResult result = this.apply.apply(new ItemOutcome(ItemRef.id(fund), WorkItemStatus.OFFLINE_REQUIRED,
				"HOUSING_FUND_NOT_SEALED", "账户状态：正常缴存", null, null, "agency:HOUSING_FUND"));
		items.values().stream().filter((id) -> id != fund).forEach((id) -> this.apply.apply(done(id, agencyOf(id))));

		assertThat(result.applied()).isTrue();
		JsonNode item = workItem(c, "HOUSING_FUND_WITHDRAWAL");
		assertThat(item.get("status").asText()).isEqualTo("OFFLINE_REQUIRED");
		assertThat(item.get("reason").get("code").asText()).isEqualTo("HOUSING_FUND_NOT_SEALED");
		assertThat(item.get("reason").get("seed").asText()).startsWith("附件2 注2");
		assertThat(item.get("reason").get("agencySays").asText()).isEqualTo("账户状态：正常缴存");
		assertThat(item.get("reasonText").asText()).contains("尚未封存", "封存证明", "申请人身份证原件", "not been sealed");
		assertThat(this.cases.status(c)).isEqualTo("COMPLETED_PARTIALLY");
		assertThat(smsText(c, "ITEM_OFFLINE")).contains("住房公积金", "窗口", "请携带", "封存证明");
		assertThat(smsText(c, "CASE_COMPLETED_PARTIALLY")).contains("1项", "死亡人员住房公积金账户存储余额提取");
	}

	@Test
	void anAgencysRefusalKeepsItsReasonAndCompletesTheCasePartially() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		Map<String, Long> items = this.cases.items(c);
		long licence = items.get("DRIVING_LICENCE_CANCELLATION");

		this.apply.apply(new ItemOutcome(ItemRef.id(licence), WorkItemStatus.REJECTED, "NOT_SHANXI_ISSUED", "驾驶证非本省核发",
				null, null, "agency:POLICE_TRAFFIC"));
		items.values().stream().filter((id) -> id != licence).forEach((id) -> this.apply.apply(done(id, agencyOf(id))));

		JsonNode item = workItem(c, "DRIVING_LICENCE_CANCELLATION");
		assertThat(item.get("status").asText()).isEqualTo("REJECTED");
		assertThat(item.get("reasonText").asText()).contains("公安交管部门退回：驾驶证非本省核发");
		assertThat(this.cases.status(c)).isEqualTo("COMPLETED_PARTIALLY");
		assertThat(this.cases.outbox(c, "SMS")).contains("ITEM_REJECTED:DRIVING_LICENCE_CANCELLATION");
	}

	@Test
	void aRepeatedReplyIsKeptAndReportedButNotAppliedTwice() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long refund = this.cases.items(c).get("PENSION_ACCOUNT_REFUND");
		this.apply.apply(done(refund, "HRSS"));

		OutcomeResult again = this.apply.apply(done(refund, "HRSS"));

		assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
		assertThat(again.anomalyId()).isNotNull();
		assertThat(again.itemStatus()).isEqualTo(WorkItemStatus.DONE);
		assertThat(anomaly(again.anomalyId())).containsEntry("kind", "DUPLICATE")
			.containsEntry("item_status", "DONE")
			.containsEntry("claimed_status", "DONE")
			.containsEntry("source", "agency:HRSS");
		assertThat(this.cases.timeline(c)).containsOnlyOnce("ITEM_DONE").endsWith("REPLY_NOT_APPLIED");
		assertThat(this.cases.outbox(c, "SMS")).containsOnlyOnce("ITEM_DONE:PENSION_ACCOUNT_REFUND");
	}

	@Test
	void aReplyThatWouldMoveAnItemBackwardsOrContradictItsEndIsKeptNotApplied() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long refund = this.cases.items(c).get("PENSION_ACCOUNT_REFUND");
		this.apply.apply(done(refund, "HRSS"));

		OutcomeResult lateAck = this.apply
			.apply(new ItemOutcome(ItemRef.id(refund), WorkItemStatus.ACCEPTED, null, null, null, null, "agency:HRSS"));
		OutcomeResult contradiction = this.apply.apply(
				new ItemOutcome(ItemRef.id(refund), WorkItemStatus.REJECTED, "X", "不符合条件", null, null, "agency:HRSS"));

		assertThat(lateAck.kind()).isEqualTo(Kind.BACKWARDS);
		assertThat(contradiction.kind()).isEqualTo(Kind.CONFLICTING);
		assertThat(this.cases.itemStatus(refund)).isEqualTo("DONE");
		assertThat(anomaly(contradiction.anomalyId()).get("detail").toString()).contains("不符合条件",
				"already ended as DONE");
		assertThat(this.cases.timeline(c)).endsWith("REPLY_NOT_APPLIED", "REPLY_NOT_APPLIED");
	}

	@Test
	void anAcknowledgementThenTheFinalReplyMoveTheItemForward() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long termination = this.cases.items(c).get("MEDICAL_INSURANCE_TERMINATION");
		this.cases.sent(termination, Instant.now().plus(Duration.ofDays(5)));

		OutcomeResult ack = this.apply.apply(new ItemOutcome(ItemRef.id(termination), WorkItemStatus.ACCEPTED, null,
				null, null, null, "agency:MEDICAL_INSURANCE"));
		OutcomeResult done = this.apply.apply(done(termination, "MEDICAL_INSURANCE"));

		assertThat(ack.applied()).isTrue();
		assertThat(done.applied()).isTrue();
		assertThat(this.cases.itemStatus(termination)).isEqualTo("DONE");
		assertThat(this.cases.timeline(c)).containsSubsequence("ITEM_ACCEPTED", "ITEM_DONE");
	}

	@Test
	void aReplyForAnUnknownItemOrReferenceIsKeptAndReported() {
		OutcomeResult byId = this.apply.apply(done(Long.MAX_VALUE, "HRSS"));
		OutcomeResult byReference = this.apply.apply(new ItemOutcome(ItemRef.reference("SX20991231999999-NOTHING"),
				WorkItemStatus.DONE, null, null, null, null, "agency:HRSS"));

		assertThat(byId.kind()).isEqualTo(Kind.UNKNOWN_REFERENCE);
		assertThat(byReference.kind()).isEqualTo(Kind.UNKNOWN_REFERENCE);
		assertThat(anomaly(byReference.anomalyId())).containsEntry("reference", "SX20991231999999-NOTHING")
			.containsEntry("case_id", null)
			.containsEntry("kind", "UNKNOWN_REFERENCE");
		assertThat(anomaly(byId.anomalyId())).containsEntry("reference", String.valueOf(Long.MAX_VALUE));
	}

	@Test
	void aReplyFromAnotherAgencyIsNotApplied() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long refund = this.cases.items(c).get("PENSION_ACCOUNT_REFUND");

		OutcomeResult result = this.apply.apply(done(refund, "HOUSING_FUND"));

		assertThat(result.kind()).isEqualTo(Kind.WRONG_AGENCY);
		assertThat(this.cases.itemStatus(refund)).isEqualTo("PENDING");
	}

	@Test
	void aReplyAfterTheItemWentOverdueIsAppliedAndMarkedLateWithoutASecondEscalation() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long hukou = this.cases.items(c).get("HUKOU_CANCELLATION");
		Instant due = Instant.parse("2030-03-05T16:00:00Z");
		this.cases.sent(hukou, due);
		this.clock.setTo(due.plus(Duration.ofHours(1)));
		this.sweep.sweepOnce(1000);

		OutcomeResult late = this.apply.apply(done(hukou, "POLICE_HUKOU"));
		this.sweep.sweepOnce(1000);

		assertThat(late.applied()).isTrue();
		JsonNode item = workItem(c, "HUKOU_CANCELLATION");
		assertThat(item.get("status").asText()).isEqualTo("DONE");
		assertThat(item.get("overdue").asBoolean()).isTrue();
		assertThat(lastEvent(c, "ITEM_DONE").get("detail").get("late").asBoolean()).isTrue();
		assertThat(this.cases.timeline(c)).containsOnlyOnce("ITEM_OVERDUE");
		assertThat(this.cases.outbox(c, "WEBHOOK")).containsExactly("ITEM_OVERDUE:HUKOU_CANCELLATION");
	}

	@Test
	void aReplyAfterTheDueTimeButBeforeTheSweepIsStillMarkedLate() {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		long hukou = this.cases.items(c).get("HUKOU_CANCELLATION");
		Instant due = Instant.parse("2030-03-05T16:00:00Z");
		this.cases.sent(hukou, due);
		this.clock.setTo(due.plusSeconds(1));

		this.apply.apply(done(hukou, "POLICE_HUKOU"));
		this.sweep.sweepOnce(1000);

		assertThat(workItem(c, "HUKOU_CANCELLATION").get("overdue").asBoolean()).isTrue();
		assertThat(this.cases.timeline(c)).doesNotContain("ITEM_OVERDUE");
	}

	@Test
	void aCaseOnHoldOrRejectedIsNotRecomputedByItsItems() {
		Case held = this.cases.apply();
		this.cases.eligible(held);
		Case rejected = this.cases.apply();
		this.cases.eligible(rejected);
		this.records.changeStatus(held.id(), CaseStatus.ON_HOLD, "test");
		this.records.changeStatus(rejected.id(), CaseStatus.REJECTED, "test");

		for (Case c : List.of(held, rejected)) {
			this.cases.items(c).values().forEach((id) -> this.apply.apply(done(id, agencyOf(id))));
		}

		assertThat(this.cases.status(held)).isEqualTo("ON_HOLD");
		assertThat(this.cases.status(rejected)).isEqualTo("REJECTED");
	}

	@Test
	void aCaseWhoseItemsAllGoToTheWindowWaitsForItsCertificateBeforeItIsCompleted() {
		ObjectNode form = Forms.fresh();
		Forms.at(form, "deceased").put("diedOfWorkInjury", true).putArray("benefits");
		form.putArray("items").add("SURVIVOR_BENEFIT");
		Case c = this.cases.apply(form);
		JsonNode item = workItem(c, "SURVIVOR_BENEFIT");

		assertThat(item.get("status").asText()).isEqualTo("OFFLINE_REQUIRED");
		assertThat(item.get("reason").get("code").asText()).isEqualTo("WORK_INJURY_SURVIVOR");
		assertThat(item.get("reasonText").asText()).contains("工伤认定决定书", "work-injury");
		assertThat(this.cases.status(c)).isEqualTo("AWAITING_CERTIFICATE");

		this.cases.eligible(c);

		assertThat(this.cases.status(c)).isEqualTo("COMPLETED_PARTIALLY");
		assertThat(this.cases.outbox(c, "SMS")).containsExactly("CASE_RECEIVED", "AWAITING_CERTIFICATE",
				"ITEM_OFFLINE:SURVIVOR_BENEFIT", "CASE_COMPLETED_PARTIALLY");
		assertThat(smsText(c, "ITEM_OFFLINE")).contains("工伤认定决定书");
	}

	@Test
	void twoItemsEndingAtTheSameMomentCompleteTheCaseOnce() throws Exception {
		Case c = this.cases.apply();
		this.cases.eligible(c);
		List<Long> ids = new ArrayList<>(this.cases.items(c).values());
		for (long id : ids.subList(2, ids.size())) {
			this.apply.apply(done(id, agencyOf(id)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<OutcomeResult>> last = List.of(() -> this.apply.apply(done(ids.get(0), agencyOf(ids.get(0)))),
					() -> this.apply.apply(done(ids.get(1), agencyOf(ids.get(1)))));
			for (Future<OutcomeResult> f : pool.invokeAll(last)) {
				assertThat(f.get().applied()).isTrue();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(this.cases.status(c)).isEqualTo("COMPLETED");
		assertThat(this.cases.timeline(c)).containsOnlyOnce("CASE_COMPLETED");
	}

	@Test
	void anOutcomeThatBreaksTheRulesIsRefusedBeforeAnythingIsStored() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ItemOutcome(ItemRef.id(1), WorkItemStatus.SENT, null, null, null, null, "agency:HRSS"))
			.withMessageContaining("ACCEPTED, DONE, REJECTED or OFFLINE_REQUIRED");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ItemOutcome(ItemRef.id(1), WorkItemStatus.DONE, null, null, new BigDecimal("1.234"),
					null, "agency:HRSS"))
			.withMessageContaining("2 decimals");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ItemOutcome(ItemRef.id(1), WorkItemStatus.DONE, null, null, null, "62-12", "agency:HRSS"))
			.withMessageContaining("account");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ItemOutcome(ItemRef.id(1), WorkItemStatus.DONE, null, null, null, null, " "))
			.withMessageContaining("source");
	}

	private ItemOutcome done(long id, String agency) {
		return new ItemOutcome(ItemRef.id(id), WorkItemStatus.DONE, null, null, null, null, "agency:" + agency);
	}

	private String agencyOf(long workItemId) {
		return this.jdbc.sql("select agency from work_item where id = ?")
			.param(workItemId)
			.query(String.class)
			.single();
	}

	private JsonNode workItem(Case c, String type) {
		HubApi.Response answer = this.api.get("/api/v1/applications/" + c.caseNo(), HubApi.WEB);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		for (JsonNode item : answer.json().get("workItems")) {
			if (item.get("item").asText().equals(type)) {
				return item;
			}
		}
		throw new AssertionError("No " + type + " in " + answer.body());
	}

	private JsonNode lastEvent(Case c, String type) {
		JsonNode found = null;
		for (JsonNode event : this.api.get("/api/v1/applications/" + c.caseNo(), HubApi.WEB).json().get("timeline")) {
			if (event.get("type").asText().equals(type)) {
				found = event;
			}
		}
		assertThat(found).as("timeline event " + type).isNotNull();
		return found;
	}

	private Map<String, Object> anomaly(long id) {
		return this.jdbc.sql("select * from reply_anomaly where id = ?").param(id).query().singleRow();
	}

	private String smsText(Case c, String event) {
		return this.jdbc
			.sql("select payload from notification_outbox where case_id = ? and channel = 'SMS' and event = ?")
			.params(c.id(), event)
			.query(String.class)
			.single();
	}

}
