package cn.shanxi.lianban.certificate.file;

/**
 * What became of a partner file ({@code partner_submission.status}): taken in, or set
 * aside into {@code error/} for one of four reasons.
 */
public enum FileStatus {

	/** Being taken in (or stopped midway by a crash, to be resumed). */
	IN_PROGRESS,

	/** Taken in: every record has its receipt line. */
	COMPLETED,

	/** Cannot be read at all (charset, format, empty, name, header). */
	UNREADABLE,

	/** An upload cut off: never read. */
	INTERRUPTED,

	/** A temporary upload abandoned: never read. */
	EXPIRED,

	/** An unexpected error of the hub's stopped it. */
	FAILED;

	/** Whether the file ended in {@code error/}. */
	public boolean setAside() {
		return this != IN_PROGRESS && this != COMPLETED;
	}

}
