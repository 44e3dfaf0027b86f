package cn.shanxi.lianban.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import cn.shanxi.lianban.Forms;
import cn.shanxi.lianban.TestClock;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.simulator.sms.SimulatedSmsGateway;
import cn.shanxi.lianban.status.ApplyItemOutcome;
import cn.shanxi.lianban.status.ItemOutcome;
import cn.shanxi.lianban.status.ItemOutcome.ItemRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The family's SMS over real HTTP to the simulated gateway: once per event, retried on
 * the outbox's backoff when the gateway fails, never holding up the case. The clock
 * stands years ahead, so the test contexts whose clock runs on system time leave these
 * messages to this one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SmsNotificationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SimulatedSmsGateway gateway;

	@Autowired
	ApplyItemOutcome apply;

	@Autowired
	NotificationProperties properties;

	@Autowired
	HealthEndpoint health;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	Cases cases;

	@BeforeEach
	void setUp() {
		this.cases = new Cases(this.port, this.context);
		this.clock
			.setTo(Instant.parse("2036-03-02T01:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(86_400)));
	}

	@AfterEach
	void reset() {
		this.gateway.failNext(0);
		this.clock.reset();
	}

	@Test
	void eachEventIsTextedOnceAndRetriedOnItsBackoffWhenTheGatewayFails(CapturedOutput output) {
		String phone = mobile();
		// other tests' texts share the gateway: only this applicant's fail
		this.gateway.failNext(2, phone);
		ObjectNode form = Forms.fresh();
		Forms.at(form, "applicant").put("phone", phone);

		Case c = this.cases.apply(form);

		// the case went on while the gateway failed
		assertThat(this.cases.status(c)).isEqualTo("AWAITING_CERTIFICATE");
		await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(c) == 2);
		assertThat(to(phone)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from notification_outbox where case_id = ? and next_attempt_at > ?")
			.params(c.id(), java.sql.Timestamp.from(this.clock.instant().plusSeconds(29)))
			.query(Integer.class)
			.single()).isEqualTo(2);

		this.clock.advance(this.properties.retry().delayAfter(1).plusSeconds(1));
		await().atMost(Duration.ofSeconds(30)).until(() -> to(phone).size() == 2);

		assertThat(to(phone)).extracting((r) -> r.sms().event())
			.containsExactly("CASE_RECEIVED", "AWAITING_CERTIFICATE");
		assertThat(to(phone).get(0).sms().text()).contains(c.caseNo(), "已受理", "李大山");
		assertThat(to(phone)).extracting(SimulatedSmsGateway.Received::idempotencyKey)
			.allMatch((k) -> k.startsWith("lianban-sms-"))
			.doesNotHaveDuplicates();
		assertThat(
				this.jdbc.sql("select status || ':' || attempts from notification_outbox where case_id = ? order by id")
					.param(c.id())
					.query(String.class)
					.list())
			.containsExactly("SENT:2", "SENT:2");

		// the same events again tell nobody twice
		this.cases.eligible(c);
		long refund = this.cases.items(c).get("PENSION_ACCOUNT_REFUND");
		ItemOutcome done = new ItemOutcome(ItemRef.id(refund), WorkItemStatus.DONE, null, null, null, null,
				"agency:HRSS");
		this.apply.apply(done);
		this.apply.apply(done);
		await().atMost(Duration.ofSeconds(30)).until(() -> to(phone).size() == 3);
		this.clock.advance(Duration.ofHours(2));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> to(phone).size() == 3);
		assertThat(to(phone).get(2).sms().text()).contains("养老保险个人账户余额一次性申领", "已办结");
		assertThat(output.getAll()).doesNotContain(phone).contains(phone.substring(0, 3) + "****");
	}

	@Test
	void aMessageIsGivenUpAfterItsLastAttemptAndShownInHealth() {
		String phone = mobile();
		this.gateway.failNext(Integer.MAX_VALUE, phone);
		ObjectNode form = Forms.fresh();
		Forms.at(form, "applicant").put("phone", phone);
		Case c = this.cases.apply(form);

		int attempts = this.properties.retry().maxAttempts();
		for (int attempt = 1; attempt < attempts; attempt++) {
			int done = attempt;
			await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(c) == 2 * done);
			this.clock.advance(this.properties.retry().delayAfter(attempt).plusSeconds(1));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("select count(*) from notification_outbox where case_id = ? and status = 'FAILED'")
				.param(c.id())
				.query(Integer.class)
				.single() == 2);

		assertThat(to(phone)).isEmpty();
		Health notifications = (Health) this.health.healthForPath("notifications");
		assertThat(notifications.getDetails()).containsEntry("degraded", true);
		assertThat(this.cases.status(c)).isEqualTo("AWAITING_CERTIFICATE");
	}

	@Test
	void aLandlineGetsNoSms() {
		ObjectNode form = Forms.fresh();
		Forms.at(form, "applicant").put("phone", "0351-4567890");

		Case c = this.cases.apply(form);

		assertThat(this.cases.outbox(c, "SMS")).isEmpty();
	}

	private int failedAttempts(Case c) {
		return this.jdbc
			.sql("select coalesce(sum(attempts), 0) from notification_outbox where case_id = ? and status = 'PENDING'")
			.param(c.id())
			.query(Integer.class)
			.single();
	}

	private List<SimulatedSmsGateway.Received> to(String phone) {
		return this.gateway.received().stream().filter((r) -> phone.equals(r.sms().phone())).toList();
	}

	private static String mobile() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

}
