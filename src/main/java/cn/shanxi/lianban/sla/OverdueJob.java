package cn.shanxi.lianban.sla;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The overdue check as a Quartz job. The scheduler runs clustered on the JDBC job store,
 * so each firing runs on one hub instance only; and not twice at once
 * ({@code DisallowConcurrentExecution}, which the clustered store honours across
 * instances).
 */
@DisallowConcurrentExecution
class OverdueJob extends QuartzJobBean {

	private final OverdueSweep sweep;

	private final OverdueCheckProperties properties;

	OverdueJob(OverdueSweep sweep, OverdueCheckProperties properties) {
		this.sweep = sweep;
		this.properties = properties;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		int batch = this.properties.batchSize();
		int found;
		int total = 0;
		do {
			found = this.sweep.sweepOnce(batch);
			total += found;
		}
		while (found == batch);
		context.setResult(total);
	}

}
