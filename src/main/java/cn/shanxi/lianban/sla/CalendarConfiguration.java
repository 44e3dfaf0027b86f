package cn.shanxi.lianban.sla;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working-day calendar, read from its folder at start-up. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	WorkingCalendar workingCalendar(CalendarProperties properties, Clock clock) {
		return new WorkingCalendar(properties.dir(), clock);
	}

}
