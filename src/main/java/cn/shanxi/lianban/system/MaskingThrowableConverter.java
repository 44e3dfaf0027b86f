package cn.shanxi.lianban.system;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import cn.shanxi.lianban.support.Masking;

/**
 * Masks personal numbers in stack traces too: exception messages often quote the input.
 */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return Masking.maskAll(super.convert(event));
	}

}
