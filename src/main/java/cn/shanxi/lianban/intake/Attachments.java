package cn.shanxi.lianban.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;

import cn.shanxi.lianban.support.FieldError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The application's materials (申请材料): scans of the deceased's ID card or household
 * register page and of the applicant's ID card. The type is decided by the content, not
 * by what the caller says.
 */
@Component
class Attachments {

	/** The kinds of material the plan asks for (方案三(二)). */
	enum Kind {

		/** 死亡人员身份证或户口页. */
		DECEASED_ID_DOCUMENT,
		/** 申请人身份证. */
		APPLICANT_ID_DOCUMENT,
		/** Anything else a clerk scans in. */
		OTHER

	}

	/** A file as it came in, checked: its sniffed type and digest. */
	record Checked(Kind kind, String fileName, String contentType, byte[] content, String sha256) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long maxBytes;

	Attachments(JdbcClient jdbc, Clock clock, @Value("${lianban.attachments.max-size:10MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxBytes = maxSize.toBytes();
	}

	/** Checks one file; {@code field} names it in errors (the multipart part's name). */
	Checked check(String field, Kind kind, String fileName, byte[] content, Findings findings) {
		if (content == null || content.length == 0) {
			findings.error(field, "attachment.empty", "附件为空", "The attachment is empty");
			return null;
		}
		if (content.length > this.maxBytes) {
			findings.error(new FieldError(field, "attachment.tooLarge",
					"附件不能超过" + DataSize.ofBytes(this.maxBytes).toMegabytes() + "MB",
					"The attachment must not exceed " + DataSize.ofBytes(this.maxBytes).toMegabytes() + " MB"));
			return null;
		}
		String type = sniff(content);
		if (type == null) {
			findings.error(field, "attachment.type", "附件须为JPEG、PNG或PDF文件",
					"The attachment must be a JPEG, PNG or PDF file");
			return null;
		}
		// what the first bytes claim, the whole file must be
		MaterialChecks.Refusal refusal = "application/pdf".equals(type) ? MaterialChecks.pdf(content)
				: MaterialChecks.image(content, type);
		if (refusal != null) {
			findings.error(field, refusal.code(), "附件不是有效的" + label(type) + "：" + refusal.zh(),
					"The attachment is not a valid " + label(type) + ": " + refusal.en());
			return null;
		}
		return new Checked(kind, safeName(fileName), type, content, sha256(content));
	}

	long store(long caseId, Checked file) {
		return this.jdbc
			.sql("""
					insert into case_attachment (case_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_at)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id
					""")
			.params(caseId, file.kind().name(), file.fileName(), file.contentType(), file.content().length,
					file.sha256(), file.content(), Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	/** JPEG, PNG or PDF by their magic numbers; anything else is refused. */
	static String sniff(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
			return "image/png";
		}
		if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
			return "application/pdf";
		}
		return null;
	}

	private static String label(String type) {
		return switch (type) {
			case "image/jpeg" -> "JPEG";
			case "image/png" -> "PNG";
			default -> "PDF";
		};
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Keeps only the last path segment of a caller's file name, without control
	 * characters.
	 */
	private static String safeName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String clean = last.replaceAll("\\p{Cntrl}", "");
		return clean.length() > 255 ? clean.substring(0, 255) : clean;
	}

}
