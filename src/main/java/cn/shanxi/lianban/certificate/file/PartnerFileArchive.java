package cn.shanxi.lianban.certificate.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.shanxi.lianban.support.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deletes partner files archived longer ago than
 * {@code lianban.partner-files.archive-days} — only the dated folders
 * {@code <root>/<code>/archive/<yyyy-MM-dd>/}, nothing else — and logs every file it
 * deletes. Run by {@code routes/partner-files-archive.camel.yaml}.
 */
@Component("partnerFileArchive")
public class PartnerFileArchive {

	private static final Logger log = LoggerFactory.getLogger(PartnerFileArchive.class);

	private final Path root;

	private final Clock clock;

	private final int keepDays;

	PartnerFileArchive(@Value("${lianban.dropbox.root:data/dropbox/partners}") Path root, Clock clock,
			@Value("${lianban.partner-files.archive-days:90}") int keepDays) {
		this.root = root.toAbsolutePath().normalize();
		this.clock = clock;
		this.keepDays = keepDays;
	}

	/**
	 * @return the files deleted
	 */
	public List<Path> purgeExpired() {
		LocalDate oldestKept = LocalDate.now(this.clock).minusDays(this.keepDays);
		List<Path> deleted = new ArrayList<>();
		if (!Files.isDirectory(this.root)) {
			return deleted;
		}
		try (DirectoryStream<Path> partners = Files.newDirectoryStream(this.root, Files::isDirectory)) {
			for (Path home : partners) {
				Path archive = home.resolve("archive");
				if (!Files.isDirectory(archive)) {
					continue;
				}
				try (DirectoryStream<Path> days = Files.newDirectoryStream(archive, Files::isDirectory)) {
					for (Path day : days) {
						LocalDate date = dateOf(day);
						if (date != null && date.isBefore(oldestKept)) {
							purge(home.getFileName().toString(), day, deleted);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!deleted.isEmpty()) {
			log.info("Partner file archive: deleted {} files archived before {}", deleted.size(), oldestKept);
		}
		return deleted;
	}

	private static void purge(String partner, Path day, List<Path> deleted) throws IOException {
		try (Stream<Path> files = Files.walk(day)) {
			for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				if (Files.isRegularFile(file)) {
					log.info("Partner file archive: deleting {} of partner {} ({} bytes, archived {})",
							LogText.of(file.getFileName()), partner, Files.size(file), day.getFileName());
					deleted.add(file);
				}
				Files.delete(file);
			}
		}
	}

	private static LocalDate dateOf(Path day) {
		try {
			return LocalDate.parse(day.getFileName().toString());
		}
		catch (DateTimeParseException ex) {
			return null; // not one of ours: left alone
		}
	}

}
