package cn.shanxi.lianban.delivery;

/**
 * How a delivery attempt ended, as the agency route leaves it on the exchange.
 *
 * @param delivered the agency's system has the message
 * @param answer the transport's answer (HTTP status and body, the file written, the rows
 * inserted) or the error
 * @param permanent a failure that no retry can mend (the agency refused the message
 * itself): parked at once
 * @param ack the agency's synchronous answer about the work item, if its route reads one
 */
record Outcome(boolean delivered, String answer, boolean permanent, Ack ack) {

	/** The exchange property the routes' beans leave it in. */
	static final String PROPERTY = "lianbanDeliveryOutcome";

	static Outcome delivered(String answer) {
		return new Outcome(true, answer, false, null);
	}

	static Outcome failed(String answer, boolean permanent) {
		return new Outcome(false, answer, permanent, null);
	}

	Outcome withAck(Ack ack) {
		return new Outcome(this.delivered, this.answer, this.permanent, ack);
	}

	/**
	 * An agency's synchronous answer: it took the item on, or refused it with its reason.
	 *
	 * @param accepted taken on (ACCEPTED) or refused (REJECTED)
	 * @param reason the agency's words when refused
	 * @param agencyReference the agency's own number for the item, if it gives one
	 */
	record Ack(boolean accepted, String reason, String agencyReference) {
	}

}
