package cn.shanxi.lianban.partner.dropbox;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code lianban.dropbox.uploads}: how much a partner may keep on the drop-box and how
 * long an upload may lie unfinished.
 *
 * @param quota what a partner may keep in {@code inbox/} and {@code error/} together (its
 * files not yet taken in or set aside); an upload beyond it is refused with an SFTP error
 * @param partnerQuotas a partner's own quota, by partner code, instead of {@code quota}
 * @param keepAlive how often an instance renews, in the upload ledger, the uploads its
 * SFTP server is writing
 * @param silentAfter an upload marked as being written that was not renewed for this long
 * lost its hub mid-way: it is set aside as cut off
 * @param abandonedAfter a temporary upload ({@code *.part}, {@code *.tmp},
 * {@code *.filepart}, {@code .name}) unchanged this long is set aside into {@code error/}
 * with its reason (never deleted)
 */
@ConfigurationProperties("lianban.dropbox.uploads")
public record UploadLimits(DataSize quota, Map<String, DataSize> partnerQuotas, Duration keepAlive,
		Duration silentAfter, Duration abandonedAfter) {

	public UploadLimits {
		quota = (quota != null) ? quota : DataSize.ofMegabytes(512);
		partnerQuotas = (partnerQuotas != null) ? Map.copyOf(partnerQuotas) : Map.of();
		keepAlive = (keepAlive != null) ? keepAlive : Duration.ofSeconds(15);
		silentAfter = (silentAfter != null) ? silentAfter : Duration.ofMinutes(1);
		abandonedAfter = (abandonedAfter != null) ? abandonedAfter : Duration.ofHours(24);
		if (quota.toBytes() <= 0 || partnerQuotas.values().stream().anyMatch((q) -> q.toBytes() <= 0)) {
			throw new IllegalStateException("lianban.dropbox.uploads: a quota must be more than 0 bytes");
		}
		if (silentAfter.compareTo(keepAlive.multipliedBy(2)) < 0) {
			throw new IllegalStateException("lianban.dropbox.uploads.silent-after (" + silentAfter
					+ ") must be at least twice keep-alive (" + keepAlive + "): a live upload would look dead");
		}
	}

	/** The defaults: for tests and tools. */
	public static UploadLimits defaults() {
		return new UploadLimits(null, null, null, null, null);
	}

	/** The quota of a partner, in bytes. */
	public long quotaOf(String partnerCode) {
		return this.partnerQuotas.getOrDefault(partnerCode, this.quota).toBytes();
	}

}
