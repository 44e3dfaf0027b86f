package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;

import cn.shanxi.lianban.support.IdNumbers;

/** Death certificate CSV files as hospitals send them: a header of dotted names. */
final class DeathCsv {

	static final String HEADER = "kind,certificateNo,version,deceased.name,deceased.sex,deceased.idNumber,"
			+ "deceased.birthDate,deceased.householdRegionCode,death.time,death.placeCategory,death.regionCode,"
			+ "causes.a,causes.underlyingIcd10,issuer.institutionName,issuer.issuedAt\r\n";

	private final StringBuilder text = new StringBuilder(HEADER);

	DeathCsv add(String idNumber, String name, String icd10) {
		return add(idNumber, name, icd10, "1");
	}

	DeathCsv add(String idNumber, String name, String icd10, String version) {
		this.text.append("DEATH_MEDICAL,")
			.append(idNumber)
			.append(',')
			.append(version)
			.append(',')
			.append(name)
			.append(",1,")
			.append(idNumber)
			.append(',')
			.append(IdNumbers.birthDate(idNumber))
			.append(",140105,2026-11-27 03:40:00,MEDICAL_INSTITUTION,140105,急性心肌梗死,")
			.append(icd10)
			.append(",山西省人民医院,2026-11-27 08:10:00\r\n");
		return this;
	}

	byte[] bytes(Charset charset) {
		return this.text.toString().getBytes(charset);
	}

}
