package cn.shanxi.lianban.delivery;

import java.util.List;

/**
 * One thing an agency route sends: a work item's message, or a batch file with the
 * records of several work items. Claimed by this instance until {@code leaseEnd}.
 *
 * @param kind a message or a batch
 * @param id the outbox message's or the batch's id
 * @param attempt which attempt this is (1 = the first)
 * @param payload what goes on the wire, in the agency's charset
 * @param fileName the file name (batches; {@code null} for a message)
 * @param dedupKey the message's dedup key, or the batch's file name
 * @param messageId {@code message.id} in the payload ({@code null} for a batch)
 * @param context the render context of a message whose route needs it again (table rows)
 * @param members the work items it carries
 */
record Delivery(Kind kind, long id, String agency, int attempt, String mappingId, String contentType, String charset,
		byte[] payload, String fileName, String dedupKey, String messageId, String context, List<Member> members) {

	enum Kind {

		MESSAGE, BATCH

	}

	/** A work item carried by the delivery, and its outbox row. */
	record Member(long outboxId, long workItemId, long caseId, String dedupKey) {
	}

}
