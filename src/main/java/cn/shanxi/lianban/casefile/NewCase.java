package cn.shanxi.lianban.casefile;

import java.util.List;

/**
 * A case about to be stored.
 *
 * @param datePrefix {@code SX} + the day in Beijing time ({@code yyyyMMdd}); the serial
 * is added
 * @param formJson the form as accepted, serialised
 * @param workItems the work items the rule table gives
 * @param events the case's first timeline events, in order
 */
public record NewCase(String datePrefix, CaseStatus status, String channel, String clientId, String deceasedIdNumber,
		String deceasedName, String applicantIdNumber, String applicantPhone, String formJson,
		List<RequestedItem> requestedItems, List<NewWorkItem> workItems, List<NewEvent> events) {

	/**
	 * A work item as the rule table plans it; {@code reasonJson} for OFFLINE_REQUIRED.
	 */
	public record NewWorkItem(String type, String agency, String status, boolean requested, String reasonJson) {
	}

	/** A timeline event written with the case; {@code detailJson} may be {@code null}. */
	public record NewEvent(String type, String source, String detailJson) {
	}

	/**
	 * What the database gave the new case: its id, number and work items as created, and
	 * the time of its rows (created, updated, first events).
	 */
	public record Stored(long id, String caseNo, List<WorkItems.Row> workItems, java.time.Instant at) {
	}

}
