package cn.shanxi.lianban.simulator;

import java.time.Clock;

import cn.shanxi.lianban.dispatch.AgencyCatalogue;
import cn.shanxi.lianban.mapping.MappingEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pretend agencies, only when {@code lianban.simulator.agencies.enabled} is true: the
 * default profile's {@code application.yaml} says so, the {@code prod} profile says not.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianban.simulator.agencies.enabled", havingValue = "true")
class SimulatorConfiguration {

	@Bean
	AgencyControl simulatedAgencyControl(JdbcClient jdbc) {
		return new AgencyControl(jdbc);
	}

	@Bean
	ReceivedMessages simulatedAgencyInbox(JdbcClient jdbc, Clock clock) {
		return new ReceivedMessages(jdbc, clock);
	}

	@Bean
	SimulatedAgencies simulatedAgencies(SimulatorProperties properties, AgencyCatalogue catalogue, MappingEngine engine,
			JdbcTemplate jdbc, TransactionTemplate tx, ConfigurableEnvironment environment, AgencyControl control,
			ReceivedMessages received, Clock clock) {
		AgencyDesk desk = new AgencyDesk(catalogue, engine, received, control, clock);
		return new SimulatedAgencies(properties, catalogue, engine, jdbc, tx, environment, control, received, desk);
	}

}
