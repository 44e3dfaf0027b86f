package cn.shanxi.lianban.system;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import cn.shanxi.lianban.support.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every API call carries an {@code X-Api-Key}; its role decides what it may do
 * (CONTRACT.md §Credentials). No key or a wrong one: 401; a key of another role: 403;
 * both as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ObjectMapper json) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((auth) -> auth
				.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/v3/api-docs/**",
						"/swagger-ui/**", "/swagger-ui.html", "/error")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/applications")
				.hasRole("OPERATOR")
				// provenance: the messages sent about a case, payloads included
				.requestMatchers("/api/v1/applications/*/messages", "/api/v1/applications/*/messages/**")
				.hasRole("OPERATOR")
				// records: an operator decides a case held for a name to check
				.requestMatchers("/api/v1/applications/*/hold/**")
				.hasRole("OPERATOR")
				.requestMatchers(HttpMethod.POST, "/api/v1/applications", "/api/v1/applications/*/attachments")
				.hasRole("CHANNEL")
				.requestMatchers("/api/v1/applications/**", "/api/v1/applications", "/api/v1/guide")
				.hasAnyRole("CHANNEL", "OPERATOR")
				.requestMatchers("/api/v1/certificates/**", "/api/v1/certificates")
				.hasRole("PARTNER")
				.requestMatchers("/api/v1/agency-replies/**")
				.hasRole("AGENCY")
				.requestMatchers("/api/v1/parked/**", "/api/v1/parked", "/api/v1/work-items/**", "/actuator/**")
				.hasRole("OPERATOR")
				// the partner files taken in or set aside, with their reasons (issue 12)
				.requestMatchers("/api/v1/partner-files", "/api/v1/partner-files/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.authenticated())
			.exceptionHandling((ex) -> ex
				.authenticationEntryPoint((request, response, e) -> write(response, json,
						Problem.of(401, "unauthenticated", "缺少或无效的 X-Api-Key", "Missing or unknown X-Api-Key",
								"每次调用都须携带有效的 X-Api-Key 请求头 / Every call must carry a valid X-Api-Key header")))
				.accessDeniedHandler((request, response, e) -> write(response, json,
						Problem.of(403, "forbidden", "该凭据无权执行此操作", "This credential may not do this",
								"请使用具有相应角色的凭据 / Use a credential of the role this call needs"))));
		return http.build();
	}

	/**
	 * No observation of Spring Security's own filters, authentications and
	 * authorizations: not even a no-op wrapper around each filter. The HTTP server's
	 * request metrics stay.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	private static void write(HttpServletResponse response, ObjectMapper json, Problem problem) throws IOException {
		response.setStatus(problem.status());
		response.setContentType(Problem.MEDIA_TYPE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
