package cn.shanxi.lianban.certificate;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.postgresql.copy.CopyIn;

/**
 * Rows of {@code certificate} in PostgreSQL's binary {@code COPY} format, built in a
 * buffer and sent a few hundred kilobytes at a time. Binary rather than text: the server
 * then neither splits and unescapes lines nor parses times (a quarter of what the copy
 * cost it in text).
 */
final class CertificateCopy {

	/** The columns, in the order each row gives them. */
	static final String COLUMNS = "kind, certificate_no, partner_code, status, action, version, issued_at,"
			+ " content_sha256, deceased_id_number, household_region_code, death_region_code, death_certificate_no,"
			+ " void_reason, record, submission_id, line_no, created_at, updated_at";

	private static final short FIELDS = 18;

	/** Bytes buffered before they are sent. */
	static final int FLUSH_AT = 256 * 1024;

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	/** PostgreSQL's epoch for times: 2000-01-01T00:00:00Z. */
	private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(FLUSH_AT + 8192);

	private final DataOutputStream out = new DataOutputStream(this.bytes);

	private final byte[] partnerCode;

	private final long submissionId;

	private final long now;

	CertificateCopy(String partnerCode, long submissionId, Instant now) {
		this.partnerCode = partnerCode.getBytes(StandardCharsets.UTF_8);
		this.submissionId = submissionId;
		this.now = micros(now);
		try {
			this.out.write(SIGNATURE);
			this.out.writeInt(0); // flags
			this.out.writeInt(0); // no header extension
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void add(CertificateRecord r) {
		try {
			this.out.writeShort(FIELDS);
			text(r.kind().name());
			text(r.certificateNo());
			bytes(this.partnerCode);
			text((r.action() == RecordAction.VOID) ? "VOIDED" : "ACTIVE");
			text(r.action().name());
			if (r.version() != null) {
				this.out.writeInt(4);
				this.out.writeInt(r.version());
			}
			else {
				this.out.writeInt(-1);
			}
			time(r.issuedAt());
			text(r.sha256());
			text(r.deceasedIdNumber());
			text(r.householdRegionCode());
			text(r.deathRegionCode());
			text(r.deathCertificateNo());
			text(r.voidReason());
			bytes(r.jsonUtf8()); // json's binary form is its text
			this.out.writeInt(8);
			this.out.writeLong(this.submissionId);
			this.out.writeInt(4);
			this.out.writeInt(r.lineNo());
			this.out.writeInt(8);
			this.out.writeLong(this.now);
			this.out.writeInt(8);
			this.out.writeLong(this.now);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return this.bytes.size();
	}

	/** Sends what is buffered. */
	void writeTo(CopyIn copy) throws SQLException {
		if (this.bytes.size() > 0) {
			copy.writeToCopy(this.bytes.toByteArray(), 0, this.bytes.size());
			this.bytes.reset();
		}
	}

	/** Sends what is buffered and the end of the data. */
	void finish(CopyIn copy) throws SQLException {
		try {
			this.out.writeShort(-1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		writeTo(copy);
	}

	private void text(String value) throws IOException {
		if (value == null) {
			this.out.writeInt(-1);
		}
		else {
			bytes(value.getBytes(StandardCharsets.UTF_8));
		}
	}

	private void bytes(byte[] value) throws IOException {
		this.out.writeInt(value.length);
		this.out.write(value);
	}

	private void time(Instant value) throws IOException {
		if (value == null) {
			this.out.writeInt(-1);
		}
		else {
			this.out.writeInt(8);
			this.out.writeLong(micros(value));
		}
	}

	private static long micros(Instant value) {
		return ChronoUnit.MICROS.between(EPOCH, value);
	}

}
