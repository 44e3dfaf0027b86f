package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.shanxi.lianban.partner.dropbox.DropboxLayout;
import cn.shanxi.lianban.partner.dropbox.Interruption;
import cn.shanxi.lianban.partner.dropbox.UploadFilter;
import cn.shanxi.lianban.partner.dropbox.UploadLedger;
import cn.shanxi.lianban.partner.dropbox.UploadLimits;
import cn.shanxi.lianban.support.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What the inboxes hold that no route will ever take, set aside into {@code error/} with
 * its reason — reported, recorded for the operators, never deleted. Run every minute by
 * {@code routes/partner-files-housekeeping.camel.yaml} (Quartz, clustered: one instance
 * at a time):
 * <ul>
 * <li>an upload still marked as being written whose session stopped renewing it (its hub
 * died midway): cut off;</li>
 * <li>a temporary upload ({@code *.part}, {@code *.tmp}, {@code *.filepart},
 * {@code .name}) unchanged for {@code lianban.dropbox.uploads.abandoned-after}:
 * abandoned;</li>
 * <li>a cut-off upload under a dot-name (the route never lists dot-files), or one whose
 * rename to {@code .interrupted} failed.</li>
 * </ul>
 * It also forgets what the upload ledger knows of files that are gone.
 */
@Component("partnerFilesHousekeeping")
public class PartnerFilesHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(PartnerFilesHousekeeping.class);

	private final DropboxLayout layout;

	private final UploadLedger uploads;

	private final UploadLimits limits;

	private final ErrorFolder errors;

	PartnerFilesHousekeeping(DropboxLayout layout, UploadLedger uploads, UploadLimits limits, ErrorFolder errors) {
		this.layout = layout;
		this.uploads = uploads;
		this.limits = limits;
		this.errors = errors;
	}

	/**
	 * @return the files set aside
	 */
	public List<Path> run() {
		List<Path> setAside = new ArrayList<>();
		for (UploadLedger.Upload upload : this.uploads.silentFor(this.limits.silentAfter())) {
			if (Files.isRegularFile(upload.path())) {
				Interruption why = Interruption.HUB_STOPPED;
				setAside(upload.path(), FileStatus.INTERRUPTED, FileReason.of(why), setAside);
			}
			else {
				this.uploads.forget(upload.path());
			}
		}
		long abandonedBefore = System.currentTimeMillis() - this.limits.abandonedAfter().toMillis();
		for (Path inbox : inboxes()) {
			for (Path file : files(inbox)) {
				String name = file.getFileName().toString();
				if (UploadFilter.isInterrupted(name) && name.startsWith(".")) {
					Interruption why = this.uploads.find(file)
						.map((u) -> Interruption.of(u.reasonCode()))
						.orElse(Interruption.CONNECTION_LOST);
					setAside(file, FileStatus.INTERRUPTED, FileReason.of(why), setAside);
				}
				else if (UploadFilter.isTemporary(name) && !UploadFilter.isInterrupted(name)
						&& modified(file) < abandonedBefore && !beingWritten(file)) {
					setAside(file, FileStatus.EXPIRED, abandoned(), setAside);
				}
			}
		}
		for (UploadLedger.Upload upload : this.uploads.all()) {
			if (upload.state() != UploadLedger.State.WRITING && !Files.exists(upload.path())) {
				this.uploads.forget(upload.path());
			}
			else if (upload.state() == UploadLedger.State.INTERRUPTED
					&& !UploadFilter.isInterrupted(upload.path().getFileName().toString())) {
				// cut off, but its rename failed: no route takes it under its own name
				Interruption why = Interruption.of(upload.reasonCode());
				setAside(upload.path(), FileStatus.INTERRUPTED, FileReason.of(why), setAside);
			}
		}
		if (!setAside.isEmpty()) {
			log.info("Partner files housekeeping: {} files set aside into error/", setAside.size());
		}
		return setAside;
	}

	private void setAside(Path file, FileStatus status, FileReason reason, List<Path> done) {
		try {
			this.errors.setAside(file, status, reason);
			done.add(file);
		}
		catch (RuntimeException ex) {
			log.error("Partner files housekeeping: could not set {} aside", LogText.of(file), ex);
		}
	}

	private boolean beingWritten(Path file) {
		Optional<UploadLedger.Upload> upload = this.uploads.find(file);
		return upload.isPresent() && upload.get().state() == UploadLedger.State.WRITING;
	}

	private FileReason abandoned() {
		Duration after = this.limits.abandonedAfter();
		boolean hours = after.toHours() > 0 && after.toMinutes() % 60 == 0;
		String zh = hours ? after.toHours() + " 小时" : Math.max(1, after.toMinutes()) + " 分钟";
		String en = hours ? after.toHours() + " h" : Math.max(1, after.toMinutes()) + " min";
		return new FileReason("file.abandoned",
				"临时文件已 " + zh + "未改动，视为放弃的上传，已移至 error/（未读取、未删除）；如需提交，请重新上传并在完成后改为正式文件名",
				"The temporary upload was not changed for " + en
						+ " and is taken for abandoned: set aside here (not read, not deleted); to send it, upload it "
						+ "again and rename it when complete");
	}

	private List<Path> inboxes() {
		List<Path> inboxes = new ArrayList<>();
		if (!Files.isDirectory(this.layout.root())) {
			return inboxes;
		}
		try (DirectoryStream<Path> homes = Files.newDirectoryStream(this.layout.root(), Files::isDirectory)) {
			for (Path home : homes) {
				Path inbox = home.resolve(DropboxLayout.INBOX);
				if (Files.isDirectory(inbox)) {
					inboxes.add(inbox);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return inboxes;
	}

	private static List<Path> files(Path folder) {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isRegularFile)) {
			entries.forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	private static long modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis();
		}
		catch (IOException ex) {
			return Long.MAX_VALUE; // gone meanwhile
		}
	}

}
