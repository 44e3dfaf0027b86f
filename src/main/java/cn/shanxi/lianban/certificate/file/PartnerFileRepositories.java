package cn.shanxi.lianban.certificate.file;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's JDBC idempotent repositories for partner files, in PostgreSQL (table
 * {@code camel_messageprocessed}, created by Flyway), shared by every hub instance:
 * <ul>
 * <li>{@code partnerFileClaims} — the read lock ({@code readLock=idempotent-changed}):
 * one instance at a time works on a file. An instance that dies keeps no file locked for
 * ever: its claims stop being renewed and lapse after {@code claim-max-age}.</li>
 * <li>{@code partnerFilesIngested} — the idempotent consumer: partner + file name + size
 * + modification time of every file ingested, so the same file is never taken in
 * twice.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PartnerFileRepositories {

	@Bean
	JdbcOrphanLockAwareIdempotentRepository partnerFileClaims(DataSource dataSource, CamelContext camel,
			@Value("${lianban.partner-files.claim-max-age-ms:300000}") long maxAge,
			@Value("${lianban.partner-files.claim-keep-alive-ms:30000}") long keepAlive) {
		JdbcOrphanLockAwareIdempotentRepository claims = new JdbcOrphanLockAwareIdempotentRepository(dataSource,
				"partner-file-claims", camel);
		claims.setCreateTableIfNotExists(false);
		claims.setLockMaxAgeMillis(maxAge);
		claims.setLockKeepAliveIntervalMillis(keepAlive);
		return claims;
	}

	@Bean
	JdbcMessageIdRepository partnerFilesIngested(DataSource dataSource) {
		JdbcMessageIdRepository ingested = new JdbcMessageIdRepository(dataSource, "partner-files-ingested");
		ingested.setCreateTableIfNotExists(false);
		return ingested;
	}

}
