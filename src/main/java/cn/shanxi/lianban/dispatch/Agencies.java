package cn.shanxi.lianban.dispatch;

/**
 * The agency codes of the default catalogue (DESIGN.md §2, CONTRACT.md). Agencies are
 * plain codes, not an enum: an integration engineer adds one with a route and a mapping
 * file, without Java.
 */
public final class Agencies {

	/** 卫健: death certificates (居民死亡医学证明). */
	public static final String HEALTH = "HEALTH";

	/** 公安: non-normal death certificates. */
	public static final String POLICE = "POLICE";

	/** 公安户政: household registration. */
	public static final String POLICE_HUKOU = "POLICE_HUKOU";

	/** 公安交管: driving licences. */
	public static final String POLICE_TRAFFIC = "POLICE_TRAFFIC";

	/** 殡仪馆. */
	public static final String FUNERAL = "FUNERAL";

	/** 民政. */
	public static final String CIVIL_AFFAIRS = "CIVIL_AFFAIRS";

	/** 人社. */
	public static final String HRSS = "HRSS";

	/** 医保. */
	public static final String MEDICAL_INSURANCE = "MEDICAL_INSURANCE";

	/** 住房公积金管理中心. */
	public static final String HOUSING_FUND = "HOUSING_FUND";

	private Agencies() {
	}

}
