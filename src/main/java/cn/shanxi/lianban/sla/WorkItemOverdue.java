package cn.shanxi.lianban.sla;

import java.time.Instant;

import cn.shanxi.lianban.casefile.WorkItemStatus;

/**
 * Published (synchronously, inside the overdue sweep's transaction) once per work item,
 * when it is first found past its promised time (承诺时限) without having ended. The agency's
 * supervisor is told from here.
 */
public record WorkItemOverdue(long caseId, String caseNo, long workItemId, String type, String agency,
		WorkItemStatus status, Instant dueAt, Instant detectedAt) {
}
