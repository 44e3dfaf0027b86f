package cn.shanxi.lianban.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.support.IdNumbers;
import cn.shanxi.lianban.support.PhoneNumbers;
import cn.shanxi.lianban.support.PlainText;

/**
 * Checks one record on its own: required fields, ID check character, dates, ICD-10 and
 * region code shapes, and whether the partner may send its kind. A bad record is refused
 * alone; its neighbours in the file are not affected.
 */
final class RecordValidator {

	/**
	 * ICD-10: a letter, two digits, optionally a dot and one or two more (I21.9, X59).
	 */
	private static final Pattern ICD10 = Pattern.compile("[A-Z]\\d{2}(\\.\\d{1,2})?");

	private static final Pattern LEGACY_NO = Pattern.compile("[1-8]\\d{5}\\d{4,14}");

	private static final Pattern CREMATION_NO = Pattern.compile("[0-9A-Za-z-]{1,40}");

	private static final Pattern SEX = Pattern.compile("[0129]");

	private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

	private static final Pattern VERSION = Pattern.compile("\\d{1,9}");

	private static final List<String> PLACES = List.of("MEDICAL_INSTITUTION", "EN_ROUTE", "HOME", "ELDERLY_CARE",
			"OTHER", "UNKNOWN");

	private final Clock clock;

	RecordValidator(Clock clock) {
		this.clock = clock;
	}

	/** The valid record, or why not. */
	Result validate(RawRecord raw, Partner partner) {
		List<Reason> errors = new ArrayList<>(raw.readErrors());
		Map<String, String> f = raw.fields();
		for (Map.Entry<String, String> field : f.entrySet()) {
			checkText(field.getKey(), field.getValue(), errors);
		}
		RecordKind kind = parseEnum(RecordKind.class, f.get(RecordFields.KIND), "kind", errors);
		String actionText = f.get(RecordFields.ACTION);
		RecordAction action = (actionText != null) ? parseEnum(RecordAction.class, actionText, "action", errors)
				: RecordAction.SUBMIT;
		if (kind != null && !partner.recordKinds().contains(kind.name())) {
			errors.add(Reason.of("kind.notAllowed", "本机构无权报送此类记录：" + kind, "This partner may not send " + kind));
		}
		checkIssuer(f, partner, errors);
		Integer version = null;
		String versionText = f.get("version");
		if (versionText != null) {
			if (VERSION.matcher(versionText).matches()) {
				version = Integer.valueOf(versionText);
			}
			else {
				errors.add(Reason.field("version", "format", "版本号应为正整数", "must be a whole number"));
			}
		}
		Checks c = new Checks(f, errors, this.clock.instant());
		Instant issuedAt = c.time("issuer.issuedAt", false);
		String idNumber = c.idNumber("deceased.idNumber");
		if (kind == null || action == null) {
			return Result.invalid(errors);
		}
		String certificateNo = (f.get("certificateNo") != null) ? f.get("certificateNo").toUpperCase(Locale.ROOT)
				: null;
		checkCertificateNo(kind, certificateNo, idNumber, errors);
		String householdRegion = f.get("deceased.householdRegionCode");
		String deathRegion = f.get("death.regionCode");
		String deathCertificateNo = null;
		if (kind == RecordKind.CREMATION) {
			Instant crematedAt = c.time("crematedAt", action != RecordAction.VOID);
			issuedAt = (issuedAt != null) ? issuedAt : crematedAt;
			deathCertificateNo = f.get("deathCertificateNo");
			if (action != RecordAction.VOID) {
				c.required("deceased.name");
				c.requiredId("deceased.idNumber", idNumber);
				c.required("funeralHome.name");
			}
		}
		else if (action != RecordAction.VOID) {
			checkDeath(c, kind, idNumber, issuedAt);
		}
		else {
			c.region("deceased.householdRegionCode", false);
			c.region("death.regionCode", false);
		}
		// every time and date on the record reads, whatever its kind, and is stored as
		// ISO
		for (String field : RecordFields.TIMES) {
			if (f.containsKey(field) && !c.normalised.containsKey(field)) {
				c.time(field, false);
			}
		}
		if (f.containsKey(RecordFields.BIRTH_DATE) && !c.normalised.containsKey(RecordFields.BIRTH_DATE)) {
			c.date(RecordFields.BIRTH_DATE, false);
		}
		if (version == null && issuedAt == null) {
			errors.add(Reason.of("version.missing", "须提供版本号（version）或签发时间（issuer.issuedAt）",
					"A version or issuer.issuedAt is needed to order corrections"));
		}
		if (!errors.isEmpty()) {
			return Result.invalid(errors);
		}
		if (!c.normalised.isEmpty()) {
			f = new java.util.HashMap<>(f);
			f.putAll(c.normalised);
		}
		String json = RecordFields.toJson(f);
		byte[] jsonUtf8 = json.getBytes(StandardCharsets.UTF_8); // hashed, and stored as
																	// it is
		String region = (deathRegion != null) ? deathRegion : partner.regionCode();
		return Result.valid(new CertificateRecord(raw.lineNo(), kind, action, certificateNo, version, issuedAt,
				idNumber, f.get("deceased.name"), householdRegion, region, deathCertificateNo, f.get("voidReason"),
				json, jsonUtf8, Hashes.sha256(jsonUtf8)));
	}

	private void checkDeath(Checks c, RecordKind kind, String idNumber, Instant issuedAt) {
		c.required("deceased.name");
		c.pattern("deceased.sex", SEX, true, "应为 GB/T 2261.1 代码（0、1、2、9）", "must be a GB/T 2261.1 code (0, 1, 2, 9)");
		c.pattern("deceased.ethnicity", TWO_DIGITS, false, "应为 GB 3304 两位代码", "must be a 2-digit GB 3304 code");
		c.pattern("deceased.maritalStatus", TWO_DIGITS, false, "应为 GB/T 2261.2 两位代码",
				"must be a 2-digit GB/T 2261.2 code");
		String idType = c.fields.get("deceased.idType");
		if (idType != null && !idType.equals("RESIDENT_ID")) {
			c.errors.add(Reason.field("deceased.idType", "unknown", "证件类型不支持", "unsupported ID type"));
		}
		LocalDate birth = c.date("deceased.birthDate", true);
		if (birth != null && idNumber != null && IdNumbers.isValid(idNumber)
				&& !birth.equals(IdNumbers.birthDate(idNumber))) {
			c.errors.add(Reason.field("deceased.birthDate", "mismatch", "与身份证号码中的出生日期不一致",
					"differs from the birth date in the ID number"));
		}
		c.region("deceased.householdRegionCode", true);
		c.region("death.regionCode", false);
		Instant death = c.time("death.time", true);
		if (death != null && birth != null && death.isBefore(birth.atStartOfDay(Checks.CHINA).toInstant())) {
			c.errors.add(Reason.field("death.time", "beforeBirth", "死亡时间早于出生日期", "is before the birth date"));
		}
		if (death != null && issuedAt != null && issuedAt.isBefore(death)) {
			c.errors.add(Reason.field("issuer.issuedAt", "beforeDeath", "签发时间早于死亡时间", "is before the death"));
		}
		String place = c.fields.get("death.placeCategory");
		if (place == null) {
			c.required("death.placeCategory");
		}
		else if (!PLACES.contains(place)) {
			c.errors.add(Reason.field("death.placeCategory", "unknown", "死亡地点类别无效", "unknown place category"));
		}
		c.required("causes.a");
		c.pattern("causes.underlyingIcd10", ICD10, true, "应为 ICD-10 编码，如 I21.9", "must be an ICD-10 code like I21.9");
		c.required("issuer.institutionName");
		if (issuedAt == null) {
			c.required("issuer.issuedAt");
		}
		String institutionCode = c.fields.get("issuer.institutionCode");
		if (institutionCode != null && !CreditCodes.hasShape(institutionCode)) {
			c.errors.add(Reason.field("issuer.institutionCode", "format", "统一社会信用代码无效",
					"not a valid unified social credit code"));
		}
		String phone = c.fields.get("relative.phone");
		if (phone != null && !PhoneNumbers.isValid(phone)) {
			c.errors.add(Reason.field("relative.phone", "format", "电话号码无效", "not a valid phone number"));
		}
		if (kind == RecordKind.DEATH_NON_NORMAL) {
			c.required("police.unitName");
		}
	}

	/**
	 * A field's name must be one of ours, its value plain text of at most its field's
	 * length: a NUL cannot be stored, an ESC or a bidi override would reach the agencies'
	 * records and the clerks' screens, three million characters are no name.
	 */
	private static void checkText(String name, String value, List<Reason> errors) {
		if (!RecordFields.KNOWN.contains(name)) {
			errors.add(Reason.field(PlainText.visible(name, 60), "unknown", "未知字段", "unknown field"));
			return;
		}
		int bad = PlainText.firstForbidden(value);
		if (bad >= 0) {
			String at = PlainText.describe(value, bad);
			errors.add(Reason.field(name, "controlCharacter", "含有控制字符或不可见的格式字符（" + at + "）",
					"contains a control or invisible formatting character (" + at + ")"));
			return;
		}
		int max = RecordFields.maxLength(name);
		if (value.length() > max && PlainText.length(value) > max) {
			errors.add(Reason.field(name, "tooLong", "不能超过" + max + "个字符", "must not exceed " + max + " characters"));
		}
	}

	/**
	 * The issuer is the sender: a partner sends only what it issued itself, so a record's
	 * issuer code ({@code issuer.institutionCode}, a cremation's
	 * {@code funeralHome.code}) must be the partner's registered one: its unified social
	 * credit code, or its partner code.
	 */
	private static void checkIssuer(Map<String, String> f, Partner partner, List<Reason> errors) {
		for (String field : RecordFields.ISSUER_CODES) {
			String code = f.get(field);
			if (code == null || code.equalsIgnoreCase(partner.institutionCode())
					|| code.equalsIgnoreCase(partner.code())) {
				continue;
			}
			if (partner.institutionCode() == null) {
				errors.add(Reason.field(field, "notSender", "本机构未登记统一社会信用代码，不能报送注明签发机构代码的记录",
						"names an issuer, but this partner has no registered institution code"));
			}
			else {
				errors.add(Reason.field(field, "notSender", "签发机构应为报送机构本身（" + partner.institutionCode() + "），不能代其他机构报送",
						"the issuer must be the sending partner itself (" + partner.institutionCode()
								+ "): a partner sends only what it issued"));
			}
		}
	}

	/**
	 * The 2026 form: the number is the deceased's ID number, or (no ID) the issuer's
	 * unified social credit code + a 4-digit serial; older ones: region code + serial.
	 */
	private static void checkCertificateNo(RecordKind kind, String no, String idNumber, List<Reason> errors) {
		if (no == null) {
			errors.add(Reason.field("certificateNo", "missing", "不能为空", "is required"));
			return;
		}
		boolean ok;
		if (kind == RecordKind.CREMATION) {
			ok = CREMATION_NO.matcher(no).matches();
		}
		else if (no.equals(idNumber)) {
			ok = true; // the ID number itself is checked on its own field
		}
		else if (no.length() == 18 && IdNumbers.isValid(no)) {
			ok = idNumber == null; // a VOID may name the certificate alone
		}
		else if (no.length() == 22) {
			ok = CreditCodes.hasShape(no.substring(0, 18)) && no.substring(18).chars().allMatch(Character::isDigit);
		}
		else {
			ok = LEGACY_NO.matcher(no).matches();
		}
		if (!ok) {
			errors.add(Reason.field("certificateNo", "format",
					"应为逝者身份证号码、统一社会信用代码加4位序号，或行政区划代码加序号；以身份证号码为证号时须与 deceased.idNumber 一致",
					"must be the deceased's ID number (equal to deceased.idNumber), a unified social credit code + "
							+ "4-digit serial, or a region code + serial"));
		}
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<Reason> errors) {
		if (value == null) {
			errors.add(Reason.field(field, "missing", "不能为空", "is required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(Reason.field(field, "unknown", "取值无效", "unknown value"));
			return null;
		}
	}

	/** A valid record or the reasons it is not. */
	record Result(CertificateRecord record, List<Reason> errors) {

		static Result valid(CertificateRecord record) {
			return new Result(record, List.of());
		}

		static Result invalid(List<Reason> errors) {
			return new Result(null, List.copyOf(errors));
		}

		boolean isValid() {
			return this.record != null;
		}

	}

}
