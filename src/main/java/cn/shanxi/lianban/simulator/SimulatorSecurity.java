package cn.shanxi.lianban.simulator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The simulated partners of the embedded default (SMS gateway, agency supervisors) live
 * under {@code /simulator/**} and stand for systems outside the hub: the hub calls them
 * as it would call the real ones, without an API key of its own.
 */
@Configuration(proxyBeanMethods = false)
class SimulatorSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain simulators(HttpSecurity http) throws Exception {
		return http.securityMatcher("/simulator/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.build();
	}

}
