package cn.shanxi.lianban.certificate.file;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * The repositories of the partner file routes, in PostgreSQL, shared by every hub
 * instance:
 * <ul>
 * <li>{@code partnerFileClaims} — the read lock: one instance at a time works on a file
 * ({@link PartnerFileClaims}, table {@code partner_file_claim}).</li>
 * <li>{@code partnerFilesIngested} — Camel's JDBC idempotent repository (table
 * {@code camel_messageprocessed}) behind the idempotent consumer: partner, file name and
 * SHA-256 of every file taken in, so the same file is never taken in twice — decided by
 * its content, not by its size and time, which a different file may share.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PartnerFileRepositories {

	@Bean(initMethod = "start", destroyMethod = "stop")
	PartnerFileClaims partnerFileClaims(JdbcClient jdbc, @Value("${lianban.delivery.instance-id:}") String instanceId,
			@Value("${lianban.partner-files.claim-max-age:2m}") Duration maxAge,
			@Value("${lianban.partner-files.claim-keep-alive:20s}") Duration keepAlive) {
		// the instance's stable name: restarted, it takes its claims back at once
		String owner = StringUtils.hasText(instanceId) ? instanceId : "hub-" + UUID.randomUUID();
		return new PartnerFileClaims(jdbc, owner, maxAge, keepAlive);
	}

	@Bean
	JdbcMessageIdRepository partnerFilesIngested(DataSource dataSource) {
		JdbcMessageIdRepository ingested = new JdbcMessageIdRepository(dataSource, "partner-files-ingested");
		ingested.setCreateTableIfNotExists(false);
		return ingested;
	}

}
