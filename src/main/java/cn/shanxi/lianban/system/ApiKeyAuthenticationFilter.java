package cn.shanxi.lianban.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code X-Api-Key} into the machine client's {@link Actor}, acting for the person
 * a channel names in {@code X-On-Behalf-Of}; no key or an unknown one stays anonymous. A
 * keyed call never reads or makes a session.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	static final String ON_BEHALF_OF = "X-On-Behalf-Of";

	private final ApiKeys keys;

	ApiKeyAuthenticationFilter(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.keys.find(request.getHeader(HEADER)).ifPresent((client) -> {
			Actor actor = client;
			String person = request.getHeader(ON_BEHALF_OF);
			if (client.is(Role.CHANNEL) && person != null) {
				actor = client.onBehalfOf(person.trim().toUpperCase());
			}
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null,
					List.of(new SimpleGrantedAuthority(actor.role().authority()))));
			SecurityContextHolder.setContext(context);
		});
		chain.doFilter(request, response);
	}

}
