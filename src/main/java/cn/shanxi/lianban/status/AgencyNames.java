package cn.shanxi.lianban.status;

import java.util.Map;

/**
 * The agencies' names as a family reads them, by code (CONTRACT.md). A code not listed
 * reads as itself.
 */
// TODO use the agency catalogue of dispatch once it carries display names
public final class AgencyNames {

	private static final Map<String, String> ZH = Map.of("HEALTH", "卫生健康部门", "POLICE", "公安机关", "POLICE_HUKOU", "公安户政部门",
			"POLICE_TRAFFIC", "公安交管部门", "FUNERAL", "殡仪馆", "CIVIL_AFFAIRS", "民政部门", "HRSS", "人社部门", "MEDICAL_INSURANCE",
			"医保部门", "HOUSING_FUND", "住房公积金管理中心");

	private AgencyNames() {
	}

	public static String zh(String agency) {
		return ZH.getOrDefault(agency, agency);
	}

}
