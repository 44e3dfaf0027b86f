package cn.shanxi.lianban.guide;

import java.util.List;

/**
 * The guide's answer (CONTRACT.md §Guide answer): {@code reason} in Chinese,
 * {@code reasonEn} beside it, {@code rule} and {@code seed} saying where the rule is
 * written.
 */
record GuideAnswer(List<WorkItem> workItems, List<NotApplicable> notApplicable, List<String> materials,
		List<String> warnings) {

	record WorkItem(String item, String itemName, String agency, String handling, String reason, String reasonEn,
			String rule, String seed, List<Condition> conditions) {
	}

	record Condition(String rule, String seed, String text, String textEn) {
	}

	record NotApplicable(String item, String reason, String reasonEn, String rule, String seed) {
	}

}
