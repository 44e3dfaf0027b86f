package cn.shanxi.lianban.certificate.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerFileArchiveTests {

	@TempDir
	Path root;

	@Test
	void deletesOnlyDatedArchiveFoldersOlderThanTheKeepingTime() throws Exception {
		Clock clock = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		Path expired = write("SXPH/archive/2026-08-30/old.csv");
		Path kept = write("SXPH/archive/2026-08-31/younger.csv");
		Path notDated = write("SXPH/archive/keep-me/whatever.csv");
		Path inbox = write("SXPH/inbox/new.csv");
		Path receipt = write("TYFH/receipts/x.csv.receipt.csv");
		var deleted = new PartnerFileArchive(this.root, clock, 90).purgeExpired();
		assertThat(deleted).containsExactly(expired);
		assertThat(expired.getParent()).doesNotExist();
		assertThat(kept).exists();
		assertThat(notDated).exists();
		assertThat(inbox).exists();
		assertThat(receipt).exists();
	}

	private Path write(String relative) throws Exception {
		Path file = this.root.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, "x");
	}

}
