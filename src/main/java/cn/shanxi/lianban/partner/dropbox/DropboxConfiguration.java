package cn.shanxi.lianban.partner.dropbox;

import cn.shanxi.lianban.partner.PartnerRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
	UploadTracker dropboxUploadTracker() {
		return new UploadTracker();
	}

	/** {@code filter: "#dropboxUploadFilter"} on the routes consuming the inboxes. */
	@Bean
	UploadFilter dropboxUploadFilter(UploadTracker tracker) {
		return new UploadFilter(tracker);
	}

	@Bean
	@ConditionalOnProperty(name = "lianban.dropbox.enabled", matchIfMissing = true)
	DropboxServer dropboxServer(DropboxProperties properties, PartnerRegistry partners, UploadTracker tracker) {
		return new DropboxServer(properties, partners.all(), tracker);
	}

	@Bean
	@ConditionalOnProperty(name = "lianban.dropbox.enabled", matchIfMissing = true)
	DropboxHealthIndicator dropboxHealthIndicator(DropboxServer server, UploadTracker tracker) {
		return new DropboxHealthIndicator(server, tracker);
	}

}
