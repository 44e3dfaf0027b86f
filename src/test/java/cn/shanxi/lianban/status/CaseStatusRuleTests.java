package cn.shanxi.lianban.status;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.WorkItemStatus;

import static cn.shanxi.lianban.casefile.CaseStatus.AWAITING_CERTIFICATE;
import static cn.shanxi.lianban.casefile.CaseStatus.COMPLETED;
import static cn.shanxi.lianban.casefile.CaseStatus.COMPLETED_PARTIALLY;
import static cn.shanxi.lianban.casefile.CaseStatus.IN_PROGRESS;
import static cn.shanxi.lianban.casefile.CaseStatus.ON_HOLD;
import static cn.shanxi.lianban.casefile.CaseStatus.RECEIVED;
import static cn.shanxi.lianban.casefile.CaseStatus.REJECTED;
import static cn.shanxi.lianban.casefile.WorkItemStatus.ACCEPTED;
import static cn.shanxi.lianban.casefile.WorkItemStatus.DONE;
import static cn.shanxi.lianban.casefile.WorkItemStatus.OFFLINE_REQUIRED;
import static cn.shanxi.lianban.casefile.WorkItemStatus.PARKED;
import static cn.shanxi.lianban.casefile.WorkItemStatus.PENDING;
import static cn.shanxi.lianban.casefile.WorkItemStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The case status as it follows from the item states: the whole table. */
class CaseStatusRuleTests {

	static Stream<Arguments> table() {
		return Stream.of(
				// in progress until every item has ended
				row(IN_PROGRESS, null, PENDING), row(IN_PROGRESS, null, SENT, DONE), row(IN_PROGRESS, null, ACCEPTED),
				row(IN_PROGRESS, null, DONE, DONE, PARKED), row(IN_PROGRESS, null, OFFLINE_REQUIRED, SENT),
				row(IN_PROGRESS, null, WorkItemStatus.REJECTED, ACCEPTED, DONE),
				// 办结
				row(IN_PROGRESS, COMPLETED, DONE), row(IN_PROGRESS, COMPLETED, DONE, DONE, DONE),
				row(IN_PROGRESS, COMPLETED),
				// 办结, some at the window or refused by their agency
				row(IN_PROGRESS, COMPLETED_PARTIALLY, DONE, OFFLINE_REQUIRED),
				row(IN_PROGRESS, COMPLETED_PARTIALLY, OFFLINE_REQUIRED, OFFLINE_REQUIRED),
				row(IN_PROGRESS, COMPLETED_PARTIALLY, DONE, WorkItemStatus.REJECTED),
				row(IN_PROGRESS, COMPLETED_PARTIALLY, WorkItemStatus.REJECTED),
				row(IN_PROGRESS, COMPLETED_PARTIALLY, WorkItemStatus.REJECTED, OFFLINE_REQUIRED, DONE),
				// eligibility not known: never closed, not even when every item went to
				// the
				// window at acceptance
				row(RECEIVED, null, OFFLINE_REQUIRED),
				row(AWAITING_CERTIFICATE, null, OFFLINE_REQUIRED, OFFLINE_REQUIRED),
				row(AWAITING_CERTIFICATE, null, DONE),
				// decided by eligibility and the certificate, not by the agencies
				row(REJECTED, null, DONE, DONE), row(ON_HOLD, null, DONE), row(ON_HOLD, null, OFFLINE_REQUIRED),
				// final
				row(COMPLETED, null, DONE), row(COMPLETED_PARTIALLY, null, DONE, OFFLINE_REQUIRED));
	}

	@ParameterizedTest(name = "{0} with items {2} -> {1}")
	@MethodSource("table")
	void theCaseStatusFollowsItsItems(CaseStatus current, CaseStatus expected, List<WorkItemStatus> items) {
		assertThat(CaseStatusRule.next(current, items).orElse(null)).isEqualTo(expected);
	}

	private static Arguments row(CaseStatus current, CaseStatus expected, WorkItemStatus... items) {
		return Arguments.of(current, expected, Arrays.asList(items));
	}

}
