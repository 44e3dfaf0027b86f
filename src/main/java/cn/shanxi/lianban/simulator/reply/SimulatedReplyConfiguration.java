package cn.shanxi.lianban.simulator.reply;

import java.time.Clock;

import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.reply.ReplyProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pretend agencies' answers, only with the pretend agencies
 * ({@code lianban.simulator.agencies.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianban.simulator.agencies.enabled", havingValue = "true")
class SimulatedReplyConfiguration {

	@Bean
	SimulatedReplies simulatedReplies(SimulatedReplyProperties properties, ReplyProperties replies,
			MappingEngine engine, JdbcTemplate jdbc, Environment environment, Clock clock) {
		return new SimulatedReplies(properties, replies, jdbc, environment,
				new ReplyTransports(engine, jdbc, environment, properties), clock);
	}

}
