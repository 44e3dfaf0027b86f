package cn.shanxi.lianban.dispatch;

import cn.shanxi.lianban.casefile.ApplicationForm.Benefit;
import cn.shanxi.lianban.casefile.RequestedItem;

/**
 * What an agency is asked to do for a case (CONTRACT.md §Work items): one per requested
 * item, plus the benefit stops that follow from the deceased's situation without being
 * asked for.
 */
public enum WorkItemType {

	DEATH_CERTIFICATE(Agencies.HEALTH, "死亡证明开具", "Death certificate issued"),
	HUKOU_CANCELLATION(Agencies.POLICE_HUKOU, "户口注销", "Household registration cancelled"),
	DRIVING_LICENCE_CANCELLATION(Agencies.POLICE_TRAFFIC, "驾驶证注销", "Driving licence cancelled"),
	CREMATION_CERTIFICATE(Agencies.FUNERAL, "开具火化证明", "Cremation certificate issued"),
	DIBAO_STOP(Agencies.CIVIL_AFFAIRS, "低保待遇终止", "Minimum living allowance (dibao) stopped"),
	TEKUN_STOP(Agencies.CIVIL_AFFAIRS, "特困人员救助供养待遇终止", "Extreme-poverty support stopped"),
	ELDERLY_SUBSIDY_STOP(Agencies.CIVIL_AFFAIRS, "老年人福利补贴终止", "Elderly welfare subsidy stopped"),
	DISABILITY_LIVING_SUBSIDY_STOP(Agencies.CIVIL_AFFAIRS, "困难残疾人生活补贴终止",
			"Living subsidy for disabled people in hardship stopped"),
	DISABILITY_CARE_SUBSIDY_STOP(Agencies.CIVIL_AFFAIRS, "重度残疾人护理补贴终止",
			"Care subsidy for severely disabled people stopped"),
	PENSION_ACCOUNT_REFUND(Agencies.HRSS, "养老保险个人账户余额一次性申领", "Pension personal-account balance paid out"),
	SURVIVOR_BENEFIT(Agencies.HRSS, "企业职工养老保险遗属待遇申领", "Enterprise-employee pension survivor benefit"),
	FUNERAL_GRANT(Agencies.HRSS, "城乡居民养老保险丧葬补助金申领", "Resident pension funeral grant"),
	SURVIVOR_HARDSHIP_ALLOWANCE_STOP(Agencies.HRSS, "企业离退休人员遗属生活困难补助费终止",
			"Hardship allowance for survivors of enterprise retirees stopped"),
	MEDICAL_INSURANCE_TERMINATION(Agencies.MEDICAL_INSURANCE, "参保人员基本医疗保险关系终止", "Basic medical insurance terminated"),
	MEDICAL_ACCOUNT_WITHDRAWAL(Agencies.MEDICAL_INSURANCE, "基本医疗保险参保个人账户余额一次性支取",
			"Medical personal-account balance paid out"),
	HOUSING_FUND_WITHDRAWAL(Agencies.HOUSING_FUND, "死亡人员住房公积金账户存储余额提取", "Housing provident fund balance withdrawn");

	private final String defaultAgency;

	private final String zh;

	private final String en;

	WorkItemType(String defaultAgency, String zh, String en) {
		this.defaultAgency = defaultAgency;
		this.zh = zh;
		this.en = en;
	}

	public String defaultAgency() {
		return this.defaultAgency;
	}

	public String zh() {
		return this.zh;
	}

	public String en() {
		return this.en;
	}

	public static WorkItemType of(RequestedItem item) {
		return valueOf(item.name());
	}

	/**
	 * The stop that a benefit the deceased received calls for; {@code null} for
	 * {@code NONE}.
	 */
	public static WorkItemType stopOf(Benefit benefit) {
		return switch (benefit) {
			case DIBAO -> DIBAO_STOP;
			case TEKUN -> TEKUN_STOP;
			case ELDERLY_SUBSIDY -> ELDERLY_SUBSIDY_STOP;
			case DISABILITY_LIVING_SUBSIDY -> DISABILITY_LIVING_SUBSIDY_STOP;
			case DISABILITY_CARE_SUBSIDY -> DISABILITY_CARE_SUBSIDY_STOP;
			case SURVIVOR_HARDSHIP_ALLOWANCE -> SURVIVOR_HARDSHIP_ALLOWANCE_STOP;
			case NONE -> null;
		};
	}

}
