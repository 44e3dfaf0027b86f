package cn.shanxi.lianban.mapping;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * A rendered message, ready for a transport.
 *
 * @param mappingId the mapping used
 * @param format its format
 * @param bytes the message in the agency's charset (for ROWS: the rows as JSON, for the
 * message log)
 * @param rows ROWS only: one column → value map per record (String, Integer, Long,
 * BigDecimal, LocalDate, LocalDateTime, LocalTime, Boolean); otherwise empty
 * @param contentType e.g. {@code text/plain; charset=GB18030}
 * @param charset the agency's charset
 * @param fileName the file name the mapping gives the batch, or {@code null}
 * @param substitutions every unencodable character replaced as declared, for the work
 * items to record
 */
public record Rendered(String mappingId, Format format, byte[] bytes, List<Map<String, Object>> rows,
		String contentType, Charset charset, String fileName, List<Substitution> substitutions) {

	/** The message as text, e.g. for the message log. */
	public String text() {
		return new String(this.bytes, this.charset);
	}

}
