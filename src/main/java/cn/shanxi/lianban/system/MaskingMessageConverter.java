package cn.shanxi.lianban.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import cn.shanxi.lianban.support.LogText;
import cn.shanxi.lianban.support.Masking;
import org.slf4j.helpers.MessageFormatter;

/**
 * The last line of defence for personal data in logs: whatever a log statement (ours or a
 * library's) writes, ID, phone and account numbers leave masked. Registered in
 * logback-spring.xml.
 * <p>
 * And for the log's own lines: a value a library logs as an argument — a partner's file
 * name in an SFTP or file-consumer message — has its line breaks and other control
 * characters escaped ({@link LogText}), so it cannot write a line of its own. (The
 * message's own text is left as it is: some are meant to span lines.)
 */
public class MaskingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return Masking.maskAll(lineSafe(event));
	}

	private static String lineSafe(ILoggingEvent event) {
		Object[] arguments = event.getArgumentArray();
		if (arguments == null) {
			return event.getFormattedMessage();
		}
		Object[] safe = null;
		for (int i = 0; i < arguments.length; i++) {
			Object argument = arguments[i];
			if (argument == null || argument instanceof Throwable || argument instanceof Number) {
				continue;
			}
			String text = argument.toString();
			if (LogText.escapes(text)) {
				if (safe == null) {
					safe = arguments.clone();
				}
				safe[i] = LogText.of(text);
			}
		}
		return (safe == null) ? event.getFormattedMessage()
				: MessageFormatter.arrayFormat(event.getMessage(), safe).getMessage();
	}

}
