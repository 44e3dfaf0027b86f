package cn.shanxi.lianban.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller asks for need not be a case number: the audit log still records it, as a
 * text its column holds (it used to fail the read with a 500: a value too long, a NUL).
 */
class AuditEntryTests {

	@Test
	void aCaseNumberIsRecordedAsItIs() {
		assertThat(AuditEntry.asRecorded("SX20261203000001")).isEqualTo("SX20261203000001");
		assertThat(AuditEntry.asRecorded(null)).isNull();
	}

	@Test
	void aProbeIsRecordedEscapedMaskedAndCutToTheColumn() {
		assertThat(AuditEntry.asRecorded("x".repeat(500))).hasSize(24).endsWith("…");
		assertThat(AuditEntry.asRecorded("SX\u0000\r\n")).isEqualTo("SX\\u0000\\r\\n");
		assertThat(AuditEntry.asRecorded("140105195001010018")).doesNotContain("195001010");
		assertThat(AuditEntry.asRecorded("😀".repeat(30))).hasSize(23 * 2 + 1).endsWith("😀…");
	}

}
