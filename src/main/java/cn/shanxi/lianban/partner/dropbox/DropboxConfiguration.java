package cn.shanxi.lianban.partner.dropbox;

import java.time.Duration;

import cn.shanxi.lianban.partner.PartnerRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The drop-box's beans. The layout, the upload tracker and the filter exist even when the
 * server is disabled, because the drop-folder routes consume the same folders.
 */
@Configuration(proxyBeanMethods = false)
class DropboxConfiguration {

	@Bean
	DropboxLayout dropboxLayout(DropboxProperties properties) {
		return new DropboxLayout(properties.root());
	}

	@Bean
	UploadLedger dropboxUploadLedger(JdbcClient jdbc, TransactionTemplate transaction) {
		return new UploadLedger(jdbc, transaction);
	}

	@Bean
	UploadTracker dropboxUploadTracker(UploadLedger ledger, UploadLimits limits) {
		return new UploadTracker(ledger, limits.keepAlive());
	}

	/** {@code filter: "#dropboxUploadFilter"} on the routes consuming the inboxes. */
	@Bean
	UploadFilter dropboxUploadFilter(UploadTracker tracker, UploadLedger ledger,
			@Value("${lianban.partner-files.untracked-min-age:10s}") Duration untrackedMinAge) {
		return new UploadFilter(tracker, ledger, untrackedMinAge);
	}

	@Bean
	@ConditionalOnProperty(name = "lianban.dropbox.enabled", matchIfMissing = true)
	DropboxServer dropboxServer(DropboxProperties properties, UploadLimits limits, PartnerRegistry partners,
			UploadTracker tracker) {
		return new DropboxServer(properties, limits, partners.all(), tracker);
	}

	@Bean
	@ConditionalOnProperty(name = "lianban.dropbox.enabled", matchIfMissing = true)
	DropboxHealthIndicator dropboxHealthIndicator(DropboxServer server, UploadTracker tracker) {
		return new DropboxHealthIndicator(server, tracker);
	}

}
