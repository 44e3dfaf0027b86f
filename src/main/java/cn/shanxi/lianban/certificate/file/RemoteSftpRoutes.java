package cn.shanxi.lianban.certificate.file;

import java.util.ArrayList;
import java.util.List;

import cn.shanxi.lianban.partner.PartnerRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Makes one route per configured partner SFTP server from the {@code partner-remote-sftp}
 * template (routes/partner-remote-sftp.camel.yaml) once Camel has started: adding a
 * partner's server is an entry in {@code lianban.certificates.remote-sftp.sources}, no
 * code and no route file to copy.
 */
@Configuration(proxyBeanMethods = false)
class RemoteSftpRoutes {

	private static final Logger log = LoggerFactory.getLogger(RemoteSftpRoutes.class);

	static final String TEMPLATE = "partner-remote-sftp";

	@Bean
	CamelContextConfiguration remoteSftpRouteInstances(RemoteSftpProperties properties, PartnerRegistry partners) {
		return new CamelContextConfiguration() {

			@Override
			public void beforeApplicationStart(CamelContext camel) {
			}

			@Override
			public void afterApplicationStart(CamelContext camel) {
				for (String routeId : addRoutes(camel, properties, partners)) {
					log.info("Polling a partner's SFTP server: route {}", routeId);
				}
			}

		};
	}

	static List<String> addRoutes(CamelContext camel, RemoteSftpProperties properties, PartnerRegistry partners) {
		List<String> ids = new ArrayList<>();
		for (RemoteSftpProperties.Source s : properties.sources()) {
			if (partners.find(s.partner()).isEmpty()) {
				throw new IllegalStateException("lianban.certificates.remote-sftp: unknown partner " + s.partner());
			}
			String routeId = TEMPLATE + "-" + s.partner().toLowerCase(java.util.Locale.ROOT);
			TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, TEMPLATE)
				.routeId(routeId)
				.parameter("partner", s.partner())
				.parameter("host", s.host())
				.parameter("port", String.valueOf((s.port() != null) ? s.port() : 22))
				.parameter("directory", StringUtils.hasText(s.directory()) ? s.directory() : ".")
				.parameter("username", s.username())
				.parameter("knownHostsFile",
						StringUtils.hasText(s.knownHostsFile()) ? s.knownHostsFile() : properties.knownHostsFile())
				.parameter("strictHostKeyChecking",
						StringUtils.hasText(s.strictHostKeyChecking()) ? s.strictHostKeyChecking() : "yes")
				.parameter("delay", String.valueOf((s.delay() != null) ? s.delay() : 60000L))
				.parameter("workDirectory", properties.workDirectory() + "/" + s.partner());
			if (StringUtils.hasText(s.password())) {
				route.parameter("password", s.password());
			}
			if (StringUtils.hasText(s.privateKeyFile())) {
				route.parameter("privateKeyFile", s.privateKeyFile());
			}
			ids.add(route.add());
		}
		return ids;
	}

}
