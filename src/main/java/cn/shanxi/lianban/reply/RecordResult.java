package cn.shanxi.lianban.reply;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one record of a reply, as the agency is told (HTTP answer) and the log
 * says (files, staging rows).
 *
 * @param reference the dedup key the record quotes, if it could be read
 * @param claimed the state the agency reported
 * @param result {@code APPLIED}, or why not: {@code DUPLICATE}, {@code BACKWARDS},
 * {@code CONFLICTING}, {@code WRONG_AGENCY}, {@code UNKNOWN_REFERENCE} (all kept as
 * anomalies), {@code UNREADABLE} (a line the mapping refused, kept too), {@code IGNORED}
 * (a state that is no outcome, e.g. the staging table's "not yet read")
 * @param caseNo the case, when known
 * @param itemStatus where the item stands now, when known
 * @param anomalyId the kept anomaly, for anything not applied
 * @param message why, Chinese / English, for anything not applied
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(String reference, String claimed, String result, String caseNo, String itemStatus,
		Long anomalyId, String message) {

	public boolean applied() {
		return "APPLIED".equals(this.result);
	}

}
