package cn.shanxi.lianban.reply;

import cn.shanxi.lianban.casefile.WorkItems;
import cn.shanxi.lianban.certificate.CremationRecorded;
import cn.shanxi.lianban.status.ApplyItemOutcome;
import cn.shanxi.lianban.status.ItemOutcome;
import cn.shanxi.lianban.status.ItemOutcome.ItemRef;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The funeral home's answer is its cremation record (火化证明): the hub sends it nothing, and
 * the record, once tied to the case, is what completes the case's
 * {@code CREMATION_CERTIFICATE} item — applied like any reply, so a second record of the
 * same cremation is a kept duplicate, not a second completion.
 */
@Component
class CremationReplies {

	private final WorkItems workItems;

	private final ApplyItemOutcome apply;

	CremationReplies(WorkItems workItems, ApplyItemOutcome apply) {
		this.workItems = workItems;
		this.apply = apply;
	}

	@EventListener
	void onCremationRecorded(CremationRecorded recorded) {
		for (WorkItems.Row item : this.workItems.ofCase(recorded.caseId())) {
			if (item.type().equals("CREMATION_CERTIFICATE") && !item.status().isFinal()) {
				this.apply.apply(new ItemOutcome(ItemRef.id(item.id()), WorkItemStatus.DONE, null,
						"火化证明已出具 / Cremation certificate on record", null, null, "agency:" + item.agency()));
			}
		}
	}

}
