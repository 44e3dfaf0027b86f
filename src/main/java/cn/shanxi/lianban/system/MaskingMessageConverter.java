package cn.shanxi.lianban.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import cn.shanxi.lianban.support.Masking;

/**
 * The last line of defence for personal data in logs: whatever a log statement (ours or a
 * library's) writes, ID, phone and account numbers leave masked. Registered in
 * logback-spring.xml.
 */
public class MaskingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return Masking.maskAll(super.convert(event));
	}

}
