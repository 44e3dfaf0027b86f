package cn.shanxi.lianban.certificate;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.copy.CopyIn;

/**
 * Rows of {@code certificate} in PostgreSQL's {@code COPY} text format (tab-separated,
 * {@code \N} for null, backslash escapes), built in a buffer and sent a few hundred
 * kilobytes at a time.
 */
final class CertificateCopy {

	/** Characters buffered before they are sent. */
	static final int FLUSH_AT = 256 * 1024;

	private final StringBuilder out = new StringBuilder(FLUSH_AT + 4096);

	private final String partnerCode;

	/** Between the record and the line number: the submission. */
	private final String fixedAfterRecord;

	/** After the line number: created and updated. */
	private final String atColumns;

	CertificateCopy(String partnerCode, long submissionId, Instant now) {
		this.partnerCode = escape(partnerCode);
		String at = now.toString();
		this.fixedAfterRecord = "\t" + submissionId + "\t";
		this.atColumns = "\t" + at + "\t" + at + "\n";
	}

	void add(CertificateRecord r) {
		this.out.append(r.kind().name()).append('\t');
		text(r.certificateNo()).append('\t');
		this.out.append(this.partnerCode).append('\t');
		this.out.append((r.action() == RecordAction.VOID) ? "VOIDED" : "ACTIVE").append('\t');
		this.out.append(r.action().name()).append('\t');
		if (r.version() != null) {
			this.out.append(r.version().intValue());
		}
		else {
			this.out.append("\\N");
		}
		this.out.append('\t');
		text((r.issuedAt() != null) ? r.issuedAt().toString() : null).append('\t');
		text(r.sha256()).append('\t');
		text(r.deceasedIdNumber()).append('\t');
		text(r.householdRegionCode()).append('\t');
		text(r.deathRegionCode()).append('\t');
		text(r.deathCertificateNo()).append('\t');
		text(r.voidReason()).append('\t');
		text(r.json());
		this.out.append(this.fixedAfterRecord).append(r.lineNo()).append(this.atColumns);
	}

	int size() {
		return this.out.length();
	}

	void writeTo(CopyIn copy) throws SQLException {
		if (this.out.isEmpty()) {
			return;
		}
		byte[] bytes = this.out.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		this.out.setLength(0);
	}

	private StringBuilder text(String value) {
		if (value == null) {
			return this.out.append("\\N");
		}
		return appendEscaped(this.out, value);
	}

	private static String escape(String value) {
		return appendEscaped(new StringBuilder(), value).toString();
	}

	/**
	 * Backslash, tab, newline and carriage return are escaped; the rest goes as it is.
	 */
	private static StringBuilder appendEscaped(StringBuilder out, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return out;
	}

}
