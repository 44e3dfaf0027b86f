package cn.shanxi.lianban.certificate;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.shanxi.lianban.TestIds;
import cn.shanxi.lianban.support.IdNumbers;

/**
 * Test data: fresh valid ID numbers (each test its own deceased) and certificate records.
 */
public final class TestRecords {

	public static final ObjectMapper JSON = new ObjectMapper();

	private TestRecords() {
	}

	/**
	 * A valid ID number, never the same twice in a run, first registered in
	 * {@code region}: from {@link TestIds}, the one serial of the run (a second generator
	 * of its own once made, now and then, a number TestIds had given another test).
	 */
	public static String idNumber(String region) {
		return TestIds.next(region);
	}

	public static LocalDate birthDate(String idNumber) {
		return IdNumbers.birthDate(idNumber);
	}

	/** A death certificate like certificate.example.json for this deceased. */
	public static ObjectNode death(String idNumber, String householdRegion) {
		ObjectNode r = JSON.createObjectNode();
		r.put("kind", "DEATH_MEDICAL");
		r.put("action", "SUBMIT");
		r.put("certificateNo", idNumber);
		r.put("version", 1);
		ObjectNode d = r.putObject("deceased");
		d.put("name", "李大山");
		d.put("sex", "1");
		d.put("ethnicity", "01");
		d.put("idType", "RESIDENT_ID");
		d.put("idNumber", idNumber);
		d.put("birthDate", birthDate(idNumber).toString());
		d.put("maritalStatus", "20");
		d.put("occupation", "退休人员");
		d.put("householdAddress", "山西省太原市小店区长治路100号");
		d.put("householdRegionCode", householdRegion);
		ObjectNode death = r.putObject("death");
		death.put("time", "2026-11-27T03:40:00+08:00");
		death.put("placeCategory", "MEDICAL_INSTITUTION");
		death.put("regionCode", "140105");
		ObjectNode causes = r.putObject("causes");
		causes.put("a", "急性心肌梗死");
		causes.put("underlyingIcd10", "I21.9");
		ObjectNode relative = r.putObject("relative");
		relative.put("name", "李明");
		relative.put("phone", "13812345678");
		ObjectNode issuer = r.putObject("issuer");
		issuer.put("institutionName", "山西省人民医院");
		issuer.put("institutionCode", "12140000405660001X");
		issuer.put("doctor", "王医生");
		issuer.put("issuedAt", "2026-11-27T08:10:00+08:00");
		return r;
	}

	public static ObjectNode cremation(String certificateNo, String idNumber) {
		ObjectNode r = JSON.createObjectNode();
		r.put("kind", "CREMATION");
		r.put("certificateNo", certificateNo);
		r.put("version", 1);
		r.putObject("deceased").put("name", "李大山").put("idNumber", idNumber);
		r.put("crematedAt", "2026-11-28T09:00:00+08:00");
		r.putObject("funeralHome").put("name", "太原市殡仪馆").put("code", "TYFH");
		r.put("deathCertificateNo", idNumber);
		return r;
	}

}
