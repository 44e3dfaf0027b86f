package cn.shanxi.lianban.casefile;

import java.util.List;

/**
 * Published (synchronously, inside the accepting transaction) when a family's application
 * has been stored. Listeners — e.g. certificate matching, when the certificate came first
 * — act in the same transaction. It carries what the accepting transaction wrote, so a
 * listener reads the database only when an earlier listener may have changed it.
 *
 * @param workItems the work items as they were created, before any listener ran
 * @param accessCode the family's access code (查询码), for the first SMS only
 */
public record ApplicationAccepted(long caseId, String caseNo, String deceasedIdNumber, String deceasedName,
		String applicantPhone, List<WorkItems.Row> workItems, String accessCode) {

	/** Whether a work item of this type was created in this status. */
	public boolean createdWith(String type, WorkItemStatus status) {
		return this.workItems.stream().anyMatch((w) -> (type == null || w.type().equals(type)) && w.status() == status);
	}

}
