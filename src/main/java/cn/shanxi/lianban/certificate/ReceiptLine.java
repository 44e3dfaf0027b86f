package cn.shanxi.lianban.certificate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of a receipt (回执): what became of one record.
 *
 * @param reasons empty when ACCEPTED
 */
public record ReceiptLine(int lineNo, String kind, String certificateNo, Outcome outcome, List<Reason> reasons) {

	public ReceiptLine {
		reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
	}

	/**
	 * The line as the receipt file writes it: line, certificate, outcome, reason codes,
	 * reasons in Chinese and in English — the same cells {@link SubmissionLog#receipt}
	 * reads back from the database.
	 */
	public String[] cells() {
		return new String[] { Integer.toString(this.lineNo), this.certificateNo, this.outcome.name(), reasonCodes(),
				reasonsZh(), reasonsEn() };
	}

	String reasonCodes() {
		return join(Reason::code, ";");
	}

	String reasonsZh() {
		return join(Reason::zh, "；");
	}

	String reasonsEn() {
		return join(Reason::en, "; ");
	}

	private String join(java.util.function.Function<Reason, String> part, String separator) {
		if (this.reasons.isEmpty()) {
			return null; // accepted: most lines of a file
		}
		return join(this.reasons.stream().map(part), separator);
	}

	private static String join(java.util.stream.Stream<String> parts, String separator) {
		String joined = parts.collect(Collectors.joining(separator));
		return joined.isEmpty() ? null : joined;
	}

}
