package cn.shanxi.lianban.partner.dropbox;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * For the routes that consume the inboxes ({@code filter: "#dropboxUploadFilter"} on a
 * {@code file:} endpoint): passes only files that are complete, that is neither named as
 * a temporary upload ({@code .name}, {@code *.part}, {@code *.filepart}, {@code *.tmp})
 * nor cut off ({@code *.interrupted}) nor being uploaded through the drop-box right now.
 */
public final class UploadFilter implements GenericFileFilter<File> {

	private static final List<String> TEMPORARY_SUFFIXES = List.of(".part", ".filepart", ".tmp",
			UploadTracker.INTERRUPTED);

	private final UploadTracker tracker;

	public UploadFilter(UploadTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public boolean accept(GenericFile<File> file) {
		if (file.isDirectory()) {
			return true;
		}
		return isComplete(Path.of(file.getAbsoluteFilePath()));
	}

	/** Whether the file looks finished: not a temporary name, not being written. */
	public boolean isComplete(Path file) {
		String name = file.getFileName().toString();
		if (name.startsWith(".") || name.contains(UploadTracker.INTERRUPTED)) {
			return false;
		}
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		if (TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith)) {
			return false;
		}
		return !this.tracker.isBeingWritten(file);
	}

}
