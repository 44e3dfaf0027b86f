package cn.shanxi.lianban.audit;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The audit log's jobs on the hub's clustered Quartz scheduler: sealing every
 * {@code seal-period}, the retention purge at {@code purge-cron}; each on one instance at
 * a time.
 */
@Configuration(proxyBeanMethods = false)
class AuditJobs {

	private static final String GROUP = "lianban-audit";

	@Bean
	JobDetail auditSealJob() {
		return JobBuilder.newJob(SealJob.class)
			.withIdentity("audit-seal", GROUP)
			.withDescription("Seals the audit entries written since the last seal (hash chain)")
			.storeDurably()
			.build();
	}

	@Bean
	Trigger auditSealTrigger(JobDetail auditSealJob, AuditProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(auditSealJob)
			.withIdentity("audit-seal", GROUP)
			.startAt(Date.from(Instant.now().plus(properties.sealPeriod())))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(properties.sealPeriod().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

	@Bean
	JobDetail auditPurgeJob() {
		return JobBuilder.newJob(PurgeJob.class)
			.withIdentity("audit-purge", GROUP)
			.withDescription("Purges audit entries past the retention (at least 180 days), logged")
			.storeDurably()
			.build();
	}

	@Bean
	Trigger auditPurgeTrigger(JobDetail auditPurgeJob, AuditProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(auditPurgeJob)
			.withIdentity("audit-purge", GROUP)
			.withSchedule(CronScheduleBuilder.cronSchedule(properties.purgeCron())
				.inTimeZone(TimeZone.getTimeZone("Asia/Shanghai")))
			.build();
	}

	@DisallowConcurrentExecution
	static class SealJob extends QuartzJobBean {

		private final AuditSeals seals;

		SealJob(AuditSeals seals) {
			this.seals = seals;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			context.setResult(this.seals.seal());
		}

	}

	@DisallowConcurrentExecution
	static class PurgeJob extends QuartzJobBean {

		private final AuditRetention retention;

		PurgeJob(AuditRetention retention) {
			this.retention = retention;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			context.setResult(this.retention.purge());
		}

	}

}
