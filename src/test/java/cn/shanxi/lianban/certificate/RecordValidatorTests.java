package cn.shanxi.lianban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.partner.PartnerKind;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;

import static org.assertj.core.api.Assertions.assertThat;

class RecordValidatorTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneId.of("Asia/Shanghai"));

	static final Partner HOSPITAL = new Partner("SXPH", "山西省人民医院", PartnerKind.HOSPITAL, "140105",
			Set.of("DEATH_MEDICAL"), null, null, null, "CSV");

	static final Partner POLICE = new Partner("TYPSB", "太原市公安局", PartnerKind.POLICE, "140100",
			Set.of("DEATH_NON_NORMAL"), null, null, null, "JSON");

	final RecordValidator validator = new RecordValidator(CLOCK);

	static Map<String, String> death(String certificateNo, String idNumber) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("kind", "DEATH_MEDICAL");
		f.put("certificateNo", certificateNo);
		f.put("deceased.name", "李大山");
		f.put("deceased.sex", "1");
		if (idNumber != null) {
			f.put("deceased.idNumber", idNumber);
			f.put("deceased.birthDate", "1950-01-01");
		}
		else {
			f.put("deceased.birthDate", "1950-01-01");
		}
		f.put("deceased.householdRegionCode", "140105");
		f.put("death.time", "2026-11-27 03:40");
		f.put("death.placeCategory", "HOME");
		f.put("causes.a", "急性心肌梗死");
		f.put("causes.underlyingIcd10", "I21.9");
		f.put("issuer.institutionName", "山西省人民医院");
		f.put("issuer.issuedAt", "2026-11-27T08:10:00+08:00");
		return f;
	}

	List<String> codes(Map<String, String> fields, Partner partner) {
		RecordValidator.Result result = this.validator.validate(new RawRecord(1, fields), partner);
		return result.errors().stream().map(Reason::code).toList();
	}

	@Test
	void theCertificateNumberIsTheDeceasedsIdNumber() {
		assertThat(codes(death("140105195001010018", "140105195001010018"), HOSPITAL)).isEmpty();
		assertThat(codes(death("140105195001010018", "140105195001010026"), HOSPITAL)).contains("certificateNo.format");
	}

	@Test
	void withoutAnIdNumberItIsTheIssuersCreditCodeAndASerial() {
		assertThat(codes(death("12140000405660001X0007", null), HOSPITAL)).isEmpty();
		assertThat(codes(death("12140000405660001X007", null), HOSPITAL)).contains("certificateNo.format");
	}

	@Test
	void olderCertificatesCarryARegionCodeAndASerial() {
		assertThat(codes(death("1401052019000123", "140105195001010018"), HOSPITAL)).isEmpty();
		assertThat(codes(death("99-123", "140105195001010018"), HOSPITAL)).contains("certificateNo.format");
	}

	@Test
	void datesRegionCodesAndIcd10AreChecked() {
		Map<String, String> f = death("140105195001010018", "140105195001010018");
		f.put("death.time", "1949-12-31 23:00");
		f.put("deceased.householdRegionCode", "14010");
		f.put("causes.underlyingIcd10", "I219");
		f.put("issuer.issuedAt", "2027-01-01T00:00:00+08:00");
		assertThat(codes(f, HOSPITAL)).containsExactlyInAnyOrder("death.time.beforeBirth",
				"deceased.householdRegionCode.format", "causes.underlyingIcd10.format", "issuer.issuedAt.future");
	}

	@Test
	void theBirthDateMustMatchTheIdNumber() {
		Map<String, String> f = death("140105195001010018", "140105195001010018");
		f.put("deceased.birthDate", "1950-01-02");
		assertThat(codes(f, HOSPITAL)).containsExactly("deceased.birthDate.mismatch");
	}

	@Test
	void missingRequiredFieldsAreEachNamed() {
		Map<String, String> f = death("140105195001010018", "140105195001010018");
		f.remove("deceased.name");
		f.remove("causes.a");
		f.remove("death.placeCategory");
		assertThat(codes(f, HOSPITAL)).containsExactlyInAnyOrder("deceased.name.missing", "causes.a.missing",
				"death.placeCategory.missing");
	}

	@Test
	void aNonNormalDeathNeedsThePoliceUnit() {
		Map<String, String> f = death("140105195001010018", "140105195001010018");
		f.put("kind", "DEATH_NON_NORMAL");
		assertThat(codes(f, POLICE)).containsExactly("police.unitName.missing");
		f.put("police.unitName", "太原市公安局小店分局");
		assertThat(codes(f, POLICE)).isEmpty();
	}

	@Test
	void aPartnerMaySendOnlyItsKindsAndNoUnknownField() {
		Map<String, String> f = death("140105195001010018", "140105195001010018");
		f.put("deceased.favouriteColour", "blue");
		assertThat(codes(f, POLICE)).containsExactlyInAnyOrder("kind.notAllowed", "deceased.favouriteColour.unknown");
	}

	@Test
	void theDeathRegionIsTheIssuersWhenTheRecordHasNone() {
		RecordValidator.Result result = this.validator
			.validate(new RawRecord(1, death("140105195001010018", "140105195001010018")), HOSPITAL);
		assertThat(result.record().deathRegionCode()).isEqualTo("140105");
	}

	@Test
	void theStoredRecordIsNestedJsonWithoutTheAction() {
		Map<String, String> f = death("140105195001010018", "140105195001010018");
		f.put("action", "UPDATE");
		f.put("relative.name", "李\"明\"");
		String json = this.validator.validate(new RawRecord(1, f), HOSPITAL).record().json();
		assertThat(json)
			.startsWith("{\"kind\":\"DEATH_MEDICAL\",\"certificateNo\":\"140105195001010018\",\"deceased\":{")
			.contains("\"relative\":{\"name\":\"李\\\"明\\\"\"}")
			.doesNotContain("UPDATE");
		assertThat(TestRecords.JSON.createObjectNode()).isNotNull();
	}

}
