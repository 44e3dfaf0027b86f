package cn.shanxi.lianban.status;

import java.util.Optional;

/**
 * The hook a reply is matched by: the reference (dedup key) the hub sent a work item
 * under, as dispatch's outbox knows it. Without an implementation every reference is
 * unknown and only replies by work-item id can be applied.
 */
public interface WorkItemReferences {

	/** The work item sent under {@code reference}, if the hub sent one. */
	Optional<Long> workItemId(String reference);

}
