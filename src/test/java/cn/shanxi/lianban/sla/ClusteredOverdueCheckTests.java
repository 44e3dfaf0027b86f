package cn.shanxi.lianban.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.listeners.JobListenerSupport;

import cn.shanxi.lianban.Cases;
import cn.shanxi.lianban.Cases.Case;
import cn.shanxi.lianban.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The overdue check runs on Quartz clustered on the JDBC job store: two scheduler
 * instances on one database, each firing taken by one of them, each overdue item
 * escalated once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusteredOverdueCheckTests {

	private static final int FIRINGS = 8;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Scheduler hubScheduler;

	@Autowired
	DataSource dataSource;

	@Autowired
	QuartzProperties quartz;

	@Autowired
	JobDetail overdueCheckJob;

	@Autowired
	TestClock clock;

	final List<SchedulerFactoryBean> instances = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (SchedulerFactoryBean instance : this.instances) {
			instance.destroy();
		}
		this.clock.reset();
	}

	@Test
	void theHubsSchedulerIsClusteredOnTheJdbcStoreWithTheOverdueCheckScheduled() throws Exception {
		assertThat(this.hubScheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(this.hubScheduler.getMetaData().getJobStoreClass()).isEqualTo(LocalDataSourceJobStore.class);
		Trigger trigger = this.hubScheduler
			.getTrigger(TriggerKey.triggerKey(OverdueCheckConfiguration.JOB, OverdueCheckConfiguration.GROUP));
		assertThat(trigger).isInstanceOf(SimpleTrigger.class);
		// the tests' configuration: once a day, so it never fires during a test run
		assertThat(((SimpleTrigger) trigger).getRepeatInterval()).isEqualTo(Duration.ofDays(1).toMillis());
		assertThat(this.hubScheduler
			.checkExists(JobKey.jobKey(OverdueCheckConfiguration.JOB, OverdueCheckConfiguration.GROUP))).isTrue();
	}

	@Test
	void twoSchedulerInstancesOnOneDatabaseFireEachTimeOnceAndEscalateEachOverdueItemOnce() throws Exception {
		Cases cases = new Cases(this.port, this.context);
		Instant due = Instant.parse("2033-04-01T00:00:00Z");
		List<Case> overdue = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Case c = cases.apply();
			cases.eligible(c);
			cases.items(c).values().forEach((id) -> cases.sent(id, due));
			overdue.add(c);
		}
		this.clock.setTo(due.plus(Duration.ofHours(2)));
		Firings firings = new Firings();
		Scheduler first = instance("first", firings);
		Scheduler second = instance("second", firings);
		first.addJob(this.overdueCheckJob, true);
		first.scheduleJob(TriggerBuilder.newTrigger()
			.forJob(this.overdueCheckJob)
			.withIdentity("cluster-test", OverdueCheckConfiguration.GROUP)
			.startAt(new Date(System.currentTimeMillis() + 500))
			.withSchedule(
					SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(400).withRepeatCount(FIRINGS - 1))
			.build());

		first.start();
		second.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> firings.done.size() >= FIRINGS);

		assertThat(first.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(second.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(firings.done).hasSize(FIRINGS);
		assertThat(firings.done.stream().map(Firing::scheduledAt)).doesNotHaveDuplicates();
		assertThat(firings.failures).isEmpty();
		for (Case c : overdue) {
			int items = cases.items(c).size();
			assertThat(cases.timeline(c).stream().filter("ITEM_OVERDUE"::equals)).hasSize(items);
			assertThat(cases.outbox(c, "WEBHOOK")).hasSize(items).doesNotHaveDuplicates();
		}
	}

	/**
	 * One more hub instance's scheduler: the hub's Quartz settings, a name of its own.
	 */
	private Scheduler instance(String id, Firings firings) throws Exception {
		Properties properties = new Properties();
		properties.putAll(this.quartz.getProperties());
		properties.put("org.quartz.scheduler.instanceId", id);
		SpringBeanJobFactory jobs = new SpringBeanJobFactory();
		jobs.setApplicationContext(this.context);
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		// a cluster of its own in the same tables, so the other test contexts' hubs stay
		// out
		factory.setSchedulerName("lianban-cluster-test");
		factory.setQuartzProperties(properties);
		factory.setDataSource(this.dataSource);
		factory.setJobFactory(jobs);
		factory.setAutoStartup(false);
		factory.setWaitForJobsToCompleteOnShutdown(true);
		factory.afterPropertiesSet();
		this.instances.add(factory);
		Scheduler scheduler = factory.getScheduler();
		scheduler.getListenerManager().addJobListener(firings);
		return scheduler;
	}

	record Firing(String instance, Instant scheduledAt) {
	}

	static final class Firings extends JobListenerSupport {

		final List<Firing> done = new CopyOnWriteArrayList<>();

		final Map<String, Throwable> failures = new ConcurrentHashMap<>();

		final Set<String> instances = ConcurrentHashMap.newKeySet();

		@Override
		public String getName() {
			return "cluster-test-firings";
		}

		@Override
		public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
			try {
				String instance = context.getScheduler().getSchedulerInstanceId();
				this.instances.add(instance);
				if (failure != null) {
					this.failures.put(context.getFireInstanceId(), failure);
				}
				this.done.add(new Firing(instance, context.getScheduledFireTime().toInstant()));
			}
			catch (org.quartz.SchedulerException ex) {
				this.failures.put(context.getFireInstanceId(), ex);
			}
		}

	}

}
