package cn.shanxi.lianban.partner.dropbox;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@code dropbox} in {@code /actuator/health}: up while the SFTP server listens. */
final class DropboxHealthIndicator implements HealthIndicator {

	private final DropboxServer server;

	private final UploadTracker tracker;

	DropboxHealthIndicator(DropboxServer server, UploadTracker tracker) {
		this.server = server;
		this.tracker = tracker;
	}

	@Override
	public Health health() {
		Health.Builder health = this.server.isRunning() ? Health.up().withDetail("port", this.server.port())
				: Health.down().withDetail("reason", "the SFTP server is not listening");
		return health.withDetail("partners", this.server.partners().size())
			.withDetail("uploadsInProgress", this.tracker.uploadsInProgress())
			.withDetail("hostKey", String.valueOf(this.server.hostKeyFingerprint()))
			.build();
	}

}
