package cn.shanxi.lianban.casefile;

/**
 * Published (synchronously, inside the changing transaction) when a work item changes
 * status: status aggregation and family notifications listen to it.
 */
public record WorkItemChanged(long caseId, long workItemId, String type, String agency, WorkItemStatus from,
		WorkItemStatus to) {
}
