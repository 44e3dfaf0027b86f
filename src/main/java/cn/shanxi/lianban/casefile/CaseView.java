package cn.shanxi.lianban.casefile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import cn.shanxi.lianban.support.FieldError;

/**
 * A case as the family and the clerks see it ({@code GET /api/v1/applications/{caseNo}}):
 * status, the form as accepted, every work item and the whole timeline.
 */
public record CaseView(String caseNo, String status, String statusReason, String channel, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, ApplicationForm form, List<WorkItem> workItems, List<Event> timeline,
		List<Attachment> attachments, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> warnings) {

	/**
	 * One agency task: {@code item} is the work-item type (CONTRACT.md). Where the agency
	 * paid money: {@code amount} (yuan) and {@code paidToAccount}, masked.
	 * {@code reasonText}: why it went to the window or was refused, and what to bring,
	 * Chinese / English.
	 */
	public record WorkItem(String item, String agency, String status, boolean requested, OffsetDateTime dueAt,
			boolean overdue, JsonNode reason, OffsetDateTime updatedAt, BigDecimal amount, String paidToAccount,
			String reasonText) {
	}

	/** One event of the timeline: when, what, who caused it, and its facts. */
	public record Event(OffsetDateTime at, String type, String source, JsonNode detail) {
	}

	/** An attachment's description; the content is fetched on its own. */
	public record Attachment(long id, String kind, String fileName, String contentType, long sizeBytes, String sha256,
			OffsetDateTime uploadedAt) {
	}

}
