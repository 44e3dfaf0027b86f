package cn.shanxi.lianban.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the hub, in China Standard Time; tests replace it to move time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * Case numbers, working days and promised time limits are all reckoned in Beijing
	 * time.
	 */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(CHINA);
	}

}
