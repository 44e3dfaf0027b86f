package cn.shanxi.lianban.casefile;

/** 申请办理事项: what the family can tick on the form (multi-select). */
public enum RequestedItem {

	/** 《居民死亡医学证明(推断)书》或非正常死亡证明开具. */
	DEATH_CERTIFICATE,
	/** 死亡人员户口注销. */
	HUKOU_CANCELLATION,
	/** 死亡人员驾驶证注销业务. */
	DRIVING_LICENCE_CANCELLATION,
	/** 开具火化证明. */
	CREMATION_CERTIFICATE,
	/** 养老保险个人账户余额一次性申领. */
	PENSION_ACCOUNT_REFUND,
	/** 企业职工养老保险遗属待遇申领. */
	SURVIVOR_BENEFIT,
	/** 城乡居民养老保险丧葬补助金申领(已建立丧葬补助金制度的地区). */
	FUNERAL_GRANT,
	/** 参保人员基本医疗保险关系终止. */
	MEDICAL_INSURANCE_TERMINATION,
	/** 基本医疗保险参保个人账户余额一次性支取. */
	MEDICAL_ACCOUNT_WITHDRAWAL,
	/** 死亡人员住房公积金账户存储余额提取. */
	HOUSING_FUND_WITHDRAWAL;

	/** Items that pay money to the deceased's account (note 1 of the form). */
	public boolean paysMoney() {
		return this == PENSION_ACCOUNT_REFUND || this == SURVIVOR_BENEFIT || this == FUNERAL_GRANT
				|| this == MEDICAL_ACCOUNT_WITHDRAWAL || this == HOUSING_FUND_WITHDRAWAL;
	}

}
