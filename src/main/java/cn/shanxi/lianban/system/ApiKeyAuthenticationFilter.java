package cn.shanxi.lianban.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code X-Api-Key} into the caller's {@link ApiClient}; no key or an unknown one
 * stays anonymous.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private final ApiKeys keys;

	ApiKeyAuthenticationFilter(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.keys.find(request.getHeader(HEADER)).ifPresent((client) -> {
			var authentication = new UsernamePasswordAuthenticationToken(client, null,
					List.of(new SimpleGrantedAuthority(client.authority())));
			SecurityContextHolder.getContext().setAuthentication(authentication);
		});
		chain.doFilter(request, response);
	}

}
