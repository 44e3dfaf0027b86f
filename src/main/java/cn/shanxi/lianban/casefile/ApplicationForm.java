package cn.shanxi.lianban.casefile;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The application form (附件2 of the plan), as the channels send it (CONTRACT.md,
 * application.example.json). Every field may be missing here: the guide answers partial
 * forms, and the validator says what a complete one needs.
 */
public record ApplicationForm(Applicant applicant, Deceased deceased, List<RequestedItem> items,
		Commitment commitment) {

	public ApplicationForm {
		items = (items != null) ? items : java.util.Collections.emptyList();
	}

	/** 申请人: a close relative (近亲属) or specially related person (特定关系人). */
	public record Applicant(String name, IdType idType, String idNumber, String phone, String address,
			Relation relation) {
	}

	/**
	 * 死亡人员 and the facts of their situation that decide which items apply.
	 *
	 * @param nonNormalDeath 非正常死亡 (an accident, a crime, a death in custody…): its
	 * certificate is the police's to issue, not health's
	 */
	public record Deceased(String name, String idNumber, Account socialSecurityCardAccount, Account bankAccount,
			Account employerSettlementAccount, HousingFund housingFund, List<Benefit> benefits,
			Boolean enterpriseEmployee, WorkStatus workStatus, Boolean diedOfWorkInjury,
			MedicalInsurance medicalInsurance, PensionInsurance pensionInsurance, String householdRegionCode,
			Boolean nonNormalDeath) {
	}

	/** 开户行, 开户行行号 (CNAPS, optional), 账号. */
	public record Account(String bank, String bankCode, String number) {
	}

	/** 公积金缴存地, 单位公积金账号. */
	public record HousingFund(String depositPlace, String employerAccount) {
	}

	/** 申请人承诺, 签名, 申请时间. */
	public record Commitment(Boolean accepted, String signature, OffsetDateTime signedAt) {
	}

	public enum IdType {

		RESIDENT_ID

	}

	/** 与死亡人员关系. */
	public enum Relation {

		SPOUSE, CHILD, PARENT, SIBLING, GRANDPARENT, GRANDCHILD, OTHER_RELATIVE,
		/** 特定关系人. */
		SPECIAL_RELATION

	}

	/** 享受福利、补贴待遇情况; an empty list, or {@code NONE} alone, is 都不是. */
	public enum Benefit {

		/** 低保. */
		DIBAO,
		/** 特困. */
		TEKUN,
		/** 老年人福利. */
		ELDERLY_SUBSIDY,
		/** 困难残疾人生活补贴. */
		DISABILITY_LIVING_SUBSIDY,
		/** 重度残疾人护理补贴. */
		DISABILITY_CARE_SUBSIDY,
		/** 企业离退休人员遗属生活困难补助费. */
		SURVIVOR_HARDSHIP_ALLOWANCE,
		/** 都不是. */
		NONE

	}

	/** 亡故前工作状态: 在职, 退休, 都不是. */
	public enum WorkStatus {

		EMPLOYED, RETIRED, NEITHER

	}

	/** 医保参保类型: 职工, 城乡居民, 未参保. */
	public enum MedicalInsurance {

		EMPLOYEE, RESIDENT, NONE

	}

	/** 养老保险参保类型: 城乡居民, 企业职工, 机关事业单位, 未参保. */
	public enum PensionInsurance {

		RESIDENT, ENTERPRISE, PUBLIC_INSTITUTION, NONE

	}

}
