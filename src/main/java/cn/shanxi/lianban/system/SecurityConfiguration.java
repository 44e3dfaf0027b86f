package cn.shanxi.lianban.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.shanxi.lianban.support.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Machine clients carry {@code X-Api-Key} (CONTRACT.md §Credentials);
 * persons log in as themselves — on the login page (a session shared by the hub
 * instances, its changes carrying a CSRF token) or, from a script, with HTTP Basic on
 * each call. Every {@link AuthenticationProvider} bean is a way to log in (the accounts'
 * passwords now; the province's unified identity platform later). No credential or a
 * wrong one: 401 on the API, the login page elsewhere; a credential of another role: 403;
 * both as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Bean
	AuthenticationManager authenticationManager(List<AuthenticationProvider> providers) {
		return new ProviderManager(providers);
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ObjectMapper json,
			AuthenticationManager authenticationManager) throws Exception {
		AuthenticationEntryPoint problem401 = (request, response, e) -> write(response, json,
				Problem.of(401, "unauthenticated", "缺少或无效的 X-Api-Key 或登录凭据", "Missing or unknown X-Api-Key or login",
						"机器客户端须携带有效的 X-Api-Key，工作人员请登录或使用 HTTP Basic / Machine clients carry a valid "
								+ "X-Api-Key; persons log in, or use HTTP Basic"));
		LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
		entryPoints.put(SecurityConfiguration::isApi, problem401);
		var entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
		var loginFailure = new ExceptionMappingAuthenticationFailureHandler();
		loginFailure.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		loginFailure.setDefaultFailureUrl("/login?error");
		http.authenticationManager(authenticationManager)
			// a page's change carries the CSRF token; a call with X-Api-Key or
			// Authorization cannot be sent by another site's page, and a call without
			// a session changes nobody's data
			.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.requireCsrfProtectionMatcher(SecurityConfiguration::fromBrowserSession))
			.httpBasic((basic) -> basic.authenticationEntryPoint(problem401))
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("username")
				.passwordParameter("password")
				.defaultSuccessUrl("/", true)
				.failureHandler(loginFailure)
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.requestCache((cache) -> cache.disable())
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((auth) -> auth
				// health: the status for anyone (load balancers); its details only to
				// OPERATOR and MONITOR (management.endpoint.health.roles)
				.requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**",
						"/swagger-ui.html", "/error", "/login")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/applications")
				.hasAnyRole("CLERK", "OPERATOR", "SUPERVISOR")
				// provenance: the messages sent about a case, payloads included
				.requestMatchers("/api/v1/applications/*/messages", "/api/v1/applications/*/messages/**")
				.hasRole("OPERATOR")
				// records: an operator decides a case held for a name to check
				.requestMatchers("/api/v1/applications/*/hold/**")
				.hasRole("OPERATOR")
				.requestMatchers(HttpMethod.POST, "/api/v1/applications", "/api/v1/applications/*/attachments")
				.hasAnyRole("CHANNEL", "CLERK")
				.requestMatchers("/api/v1/applications/**", "/api/v1/guide")
				.hasAnyRole("CHANNEL", "CLERK", "OPERATOR", "SUPERVISOR")
				.requestMatchers("/api/v1/certificates/**", "/api/v1/certificates")
				.hasRole("PARTNER")
				.requestMatchers("/api/v1/agency-replies/**")
				.hasRole("AGENCY")
				.requestMatchers("/api/v1/parked/**", "/api/v1/parked")
				.hasRole("OPERATOR")
				// the partner files taken in or set aside, with their reasons (issue 12)
				.requestMatchers("/api/v1/partner-files", "/api/v1/partner-files/**")
				.hasRole("OPERATOR")
				.requestMatchers("/api/v1/work-items/**")
				.hasAnyRole("OPERATOR", "SUPERVISOR")
				.requestMatchers("/api/v1/audit/**", "/api/v1/audit")
				.hasRole("AUDITOR")
				.requestMatchers("/api/v1/accounts/**", "/api/v1/accounts")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/me/**", "/api/v1/me", "/")
				.hasAnyRole("CLERK", "OPERATOR", "SUPERVISOR", "AUDITOR", "ADMIN")
				.requestMatchers("/actuator/**")
				.hasAnyRole("OPERATOR", "MONITOR")
				.anyRequest()
				.authenticated())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler((request, response, e) -> write(response, json,
						Problem.of(403, "forbidden", "该凭据无权执行此操作", "This credential may not do this",
								"请使用具有相应角色的凭据 / Use a credential of the role this call needs"))));
		return http.build();
	}

	/** The API answers problem JSON; pages send a person to the login page. */
	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")
				|| request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
				|| request.getHeader("Authorization") != null;
	}

	/**
	 * A change sent by a browser that holds a session (or logs in or out): the requests a
	 * page of another site could forge.
	 */
	private static boolean fromBrowserSession(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		if (request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
				|| request.getHeader("Authorization") != null) {
			return false;
		}
		String path = request.getRequestURI();
		return request.getRequestedSessionId() != null || path.equals("/login") || path.equals("/logout");
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
