package cn.shanxi.lianban.sla;

import java.time.Instant;
import java.util.Date;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The overdue job and its trigger, handed to Spring Boot's Quartz scheduler (clustered,
 * JDBC job store: {@code spring.quartz.*} in application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class OverdueCheckConfiguration {

	static final String JOB = "overdue-check";

	static final String GROUP = "lianban-sla";

	@Bean
	JobDetail overdueCheckJob() {
		return JobBuilder.newJob(OverdueJob.class)
			.withIdentity(JOB, GROUP)
			.withDescription("Marks work items past their promised time limit overdue and escalates them (承诺时限)")
			.storeDurably()
			.build();
	}

	/**
	 * Fires every {@code interval}; a firing missed while no instance ran is not made up
	 * for, the next one catches every item anyway.
	 */
	@Bean
	Trigger overdueCheckTrigger(JobDetail overdueCheckJob, OverdueCheckProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(overdueCheckJob)
			.withIdentity(JOB, GROUP)
			// Quartz fires on the system clock, not on the hub's Clock bean
			.startAt(Date.from(Instant.now().plus(properties.initialDelay())))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(properties.interval().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

}
