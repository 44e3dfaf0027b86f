package cn.shanxi.lianban.delivery;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.EndpointHelper;

import cn.shanxi.lianban.dispatch.AgencyCatalogue;
import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import cn.shanxi.lianban.mapping.MappingCatalog;

/**
 * Checked once the routes have started, every mistake listed at once: each agency that
 * sends has its mapping in {@code mappings/} and a route consuming its endpoint in
 * {@code routes/}. A typo stops the start, it does not park every message later.
 */
final class AgencyChecks {

	private AgencyChecks() {
	}

	static void check(AgencyCatalogue catalogue, MappingCatalog mappings, CamelContext camel) {
		List<String> problems = new ArrayList<>();
		for (String code : catalogue.configuredCodes()) {
			Agency agency = catalogue.settings(code).orElseThrow();
			if (!OutboxRelay.sendable(agency)) {
				continue;
			}
			String where = "lianban.agencies." + code;
			if (mappings.find(agency.mapping()).isEmpty()) {
				problems
					.add(where + ".mapping: no mapping '" + agency.mapping() + "' in the mapping folders (没有该映射文件)");
			}
			if (agency.ackMapping() != null && !agency.ackMapping().isBlank()
					&& mappings.find(agency.ackMapping()).isEmpty()) {
				problems.add(where + ".ack-mapping: no mapping '" + agency.ackMapping()
						+ "' in the mapping folders (没有该映射文件)");
			}
			String route = catalogue.routeOf(code);
			if (!consumed(camel, route)) {
				problems.add(where + ".route: no route consumes " + route
						+ " (add routes/<agency>-delivery.camel.yaml with that 'from', 没有该部门的投递路由)");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Agencies cannot be delivered to (部门投递配置有误):\n  - " + String.join("\n  - ", problems));
		}
	}

	private static boolean consumed(CamelContext camel, String uri) {
		for (Route route : camel.getRoutes()) {
			if (EndpointHelper.matchEndpoint(camel, route.getEndpoint().getEndpointUri(), uri)) {
				return true;
			}
		}
		return false;
	}

}
