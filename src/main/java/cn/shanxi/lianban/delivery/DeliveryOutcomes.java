package cn.shanxi.lianban.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;

import org.springframework.stereotype.Component;

/**
 * What an agency route's attempt came to. The shared error handling
 * ({@code routes/agency-delivery-errors.camel.yaml}) calls {@link #failed}; a route that
 * reads the agency's synchronous answer calls {@link AgencyAcks}; otherwise a route that
 * ends without an error has delivered, and its transport's answer is read from the
 * exchange.
 */
@Component("deliveryOutcomes")
class DeliveryOutcomes {

	private final int maxChars;

	DeliveryOutcomes(DeliveryProperties properties) {
		this.maxChars = properties.answerMaxChars();
	}

	/** The attempt failed: the error, and whether a retry could mend it. */
	public void failed(Exchange exchange) {
		Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
		if (error == null) {
			error = exchange.getException();
		}
		boolean permanent = error instanceof HttpOperationFailedException http && refusal(http.getStatusCode());
		exchange.setProperty(Outcome.PROPERTY, Outcome.failed(cut(describe(error)), permanent));
	}

	/**
	 * A 4xx answer refuses the message itself: sending it again cannot help. Except 408
	 * (timeout), 425 and 429 (come back later), which are transient.
	 */
	static boolean refusal(int status) {
		return status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
	}

	/** The outcome the route left, or the one its exchange shows. */
	Outcome of(Exchange exchange) {
		Outcome outcome = exchange.getProperty(Outcome.PROPERTY, Outcome.class);
		if (outcome != null) {
			return outcome;
		}
		if (exchange.getException() != null) {
			failed(exchange);
			return exchange.getProperty(Outcome.PROPERTY, Outcome.class);
		}
		return Outcome.delivered(cut(answer(exchange.getMessage())));
	}

	/** The transport's answer, whatever the transport. */
	String answer(Message message) {
		Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
		if (status != null) {
			String body = message.getBody(String.class);
			return "HTTP " + status + ((body != null && !body.isEmpty()) ? " " + body : "");
		}
		String file = message.getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
		if (file != null) {
			return "file written: " + file;
		}
		Integer rows = message.getHeader("CamelSqlUpdateCount", Integer.class);
		if (rows != null) {
			return (rows > 0) ? "rows inserted: " + rows : "no row inserted: the agency has this key already (repeat)";
		}
		return "delivered";
	}

	static String describe(Throwable error) {
		if (error == null) {
			return "failed without an error";
		}
		if (error instanceof HttpOperationFailedException http) {
			String body = http.getResponseBody();
			return "HTTP " + http.getStatusCode() + " " + http.getStatusText()
					+ ((body != null && !body.isBlank()) ? ": " + body : "");
		}
		StringBuilder text = new StringBuilder(error.getClass().getSimpleName() + ": " + error.getMessage());
		Throwable cause = error.getCause();
		for (int depth = 0; cause != null && cause != error && depth < 3; depth++, cause = cause.getCause()) {
			text.append(" ← ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
		}
		return text.toString();
	}

	String cut(String text) {
		return (text.length() <= this.maxChars) ? text : text.substring(0, this.maxChars) + "…";
	}

}
