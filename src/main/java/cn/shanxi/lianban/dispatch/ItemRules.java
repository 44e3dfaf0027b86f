package cn.shanxi.lianban.dispatch;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.casefile.ApplicationForm.Deceased;
import cn.shanxi.lianban.casefile.ApplicationForm.MedicalInsurance;
import cn.shanxi.lianban.casefile.ApplicationForm.PensionInsurance;
import cn.shanxi.lianban.casefile.RequestedItem;
import cn.shanxi.lianban.dispatch.Rule.Effect;

import static cn.shanxi.lianban.casefile.RequestedItem.CREMATION_CERTIFICATE;
import static cn.shanxi.lianban.casefile.RequestedItem.DRIVING_LICENCE_CANCELLATION;
import static cn.shanxi.lianban.casefile.RequestedItem.FUNERAL_GRANT;
import static cn.shanxi.lianban.casefile.RequestedItem.HOUSING_FUND_WITHDRAWAL;
import static cn.shanxi.lianban.casefile.RequestedItem.MEDICAL_ACCOUNT_WITHDRAWAL;
import static cn.shanxi.lianban.casefile.RequestedItem.MEDICAL_INSURANCE_TERMINATION;
import static cn.shanxi.lianban.casefile.RequestedItem.PENSION_ACCOUNT_REFUND;
import static cn.shanxi.lianban.casefile.RequestedItem.SURVIVOR_BENEFIT;

/**
 * The rule table: which requested items apply, which go to the window and why. One table,
 * read by the validator, the guide and dispatch. Each rule quotes the seed
 * ({@code shared/seed/shanxi-post-death-joint-service-plan.zh.txt}).
 */
public final class ItemRules {

	private static final String PLAN_2 = "方案二、改革内容";

	private static final String PLAN_3_3 = "方案三(三)事项办理";

	private static final String NOTE_1 = "附件2 注1";

	private static final String NOTE_2 = "附件2 注2";

	private static final String NOTE_3 = "附件2 注3";

	private static final String NOTE_4 = "附件2 注4";

	private ItemRules() {
	}

	/**
	 * The table. {@code fundedRegion} says whether a household region code has the
	 * funeral-grant scheme (configured: {@code lianban.rules.funeral-grant-regions}).
	 */
	public static List<Rule> table(Predicate<String> fundedRegion) {
		return List.of(
				// Note 4 first: a work-injury death's survivor benefit is work-injury
				// insurance, at the window
				rule("survivorBenefit.workInjuryOffline", NOTE_4 + "：工伤保险、失业保险线下办理", Set.of(SURVIVOR_BENEFIT),
						Effect.OFFLINE, (f) -> Boolean.TRUE.equals(deceased(f).diedOfWorkInjury()),
						"死亡人员因工死亡，遗属待遇由工伤保险支付，需到窗口线下办理",
						"The deceased died of a work injury: the survivor benefit comes from work-injury insurance and is handled at the window"),
				rule("pensionRefund.needsPensionInsurance", PLAN_3_3 + "5：养老保险个人账户余额一次性申领",
						Set.of(PENSION_ACCOUNT_REFUND), Effect.NOT_APPLICABLE,
						(f) -> deceased(f).pensionInsurance() == PensionInsurance.NONE, "死亡人员未参加养老保险，没有可申领的个人账户余额",
						"The deceased had no pension insurance, so there is no personal-account balance to pay out"),
				rule("survivorBenefit.needsEnterprisePension", PLAN_3_3 + "5：企业职工养老保险遗属待遇申领", Set.of(SURVIVOR_BENEFIT),
						Effect.NOT_APPLICABLE,
						(f) -> knownAndNot(deceased(f).pensionInsurance(), PensionInsurance.ENTERPRISE)
								&& !Boolean.TRUE.equals(deceased(f).diedOfWorkInjury()),
						"遗属待遇仅适用于参加企业职工养老保险的人员",
						"The survivor benefit is only for people insured under the enterprise-employee pension"),
				rule("survivorBenefit.oneScheme", NOTE_4 + "：由其遗属选择其中一种领取", Set.of(FUNERAL_GRANT),
						Effect.NOT_APPLICABLE, (f) -> f.items().contains(SURVIVOR_BENEFIT),
						"遗属待遇只能选择一种领取：企业职工养老保险遗属待遇与城乡居民养老保险丧葬补助金不能同时申请",
						"Survivor benefits come from one scheme only: the enterprise survivor benefit and the resident funeral grant cannot both be claimed"),
				rule("funeralGrant.needsResidentPension", PLAN_2 + "：城乡居民养老保险丧葬补助金申领", Set.of(FUNERAL_GRANT),
						Effect.NOT_APPLICABLE,
						(f) -> knownAndNot(deceased(f).pensionInsurance(), PensionInsurance.RESIDENT),
						"丧葬补助金仅适用于参加城乡居民养老保险的人员",
						"The funeral grant is only for people insured under the resident pension"),
				rule("funeralGrant.regionWithoutScheme", PLAN_2 + "：（已建立丧葬补助金制度的地区）", Set.of(FUNERAL_GRANT),
						Effect.NOT_APPLICABLE,
						(f) -> deceased(f).householdRegionCode() != null
								&& !fundedRegion.test(deceased(f).householdRegionCode()),
						"死亡人员户籍所在地区尚未建立城乡居民养老保险丧葬补助金制度",
						"The deceased's home region has no resident-pension funeral grant scheme"),
				rule("medical.needsInsurance", PLAN_3_3 + "6：医保部门负责办理",
						Set.of(MEDICAL_INSURANCE_TERMINATION, MEDICAL_ACCOUNT_WITHDRAWAL), Effect.NOT_APPLICABLE,
						(f) -> deceased(f).medicalInsurance() == MedicalInsurance.NONE, "死亡人员未参加基本医疗保险",
						"The deceased had no basic medical insurance"),
				rule("medicalAccount.residentHasNoAccount", PLAN_3_3 + "6：基本医疗保险参保个人账户一次性支取",
						Set.of(MEDICAL_ACCOUNT_WITHDRAWAL), Effect.NOT_APPLICABLE,
						(f) -> deceased(f).medicalInsurance() == MedicalInsurance.RESIDENT, "城乡居民基本医疗保险没有个人账户，无余额可支取",
						"Resident medical insurance has no personal account, so there is no balance to withdraw"),
				rule("housingFund.needsAccount", PLAN_3_3 + "7：住房公积金账户存储余额提取", Set.of(HOUSING_FUND_WITHDRAWAL),
						Effect.NOT_APPLICABLE, ItemRules::housingFundMissing, "提取公积金需填写死亡人员公积金缴存地和单位公积金账号",
						"A housing-fund withdrawal needs the deposit place and the employer's housing-fund account"),
				rule("housingFund.conditions", NOTE_2, Set.of(HOUSING_FUND_WITHDRAWAL), Effect.CONDITION, (f) -> true,
						"公积金账户须已足额缴存、已封存、无冻结、无公积金贷款、无担保；否则需到窗口线下办理",
						"The housing-fund account must be fully paid up, sealed, not frozen, with no loan and no guarantee; otherwise it is handled at the window"),
				rule("medical.conditions", NOTE_3, Set.of(MEDICAL_INSURANCE_TERMINATION, MEDICAL_ACCOUNT_WITHDRAWAL),
						Effect.CONDITION, (f) -> true, "医疗费用须已报销完结、死亡当月已办理医保暂停；否则需到窗口线下办理",
						"All medical costs must be settled and the insurance suspended in the month of death; otherwise it is handled at the window"),
				rule("overpaid.window", PLAN_3_3 + "：多划拨医疗保险、多发养老保险待遇未退回的需线下办理",
						Set.of(PENSION_ACCOUNT_REFUND, SURVIVOR_BENEFIT, FUNERAL_GRANT, MEDICAL_ACCOUNT_WITHDRAWAL),
						Effect.CONDITION, (f) -> true, "如因死亡证明办理不及时导致多发养老保险待遇或多划拨医疗保险未退回，需到窗口线下办理",
						"If a late death certificate led to pension or medical insurance being overpaid and not returned, this is handled at the window"),
				rule("payment.accountActive", NOTE_1, EnumSet.copyOf(paying()), Effect.CONDITION, (f) -> true,
						"款项发放至死亡人员本人社保卡账户或银行I类账户，账户须处于激活正常使用状态",
						"Money is paid to the deceased's social-security-card account or bank I-class account, which must be active"),
				rule("drivingLicence.shanxiIssued", PLAN_3_3 + "2：本省核发的机动车驾驶证注销", Set.of(DRIVING_LICENCE_CANCELLATION),
						Effect.CONDITION, (f) -> true, "仅注销山西省核发的驾驶证；外省核发的需向发证地申请",
						"Only Shanxi-issued driving licences are cancelled here; others at the issuing province"),
				rule("cremation.atFuneralHome", PLAN_3_3 + "3：在殡仪馆火化的，殡仪馆应在火化当天开具火化证明", Set.of(CREMATION_CERTIFICATE),
						Effect.CONDITION, (f) -> true, "火化证明由殡仪馆在火化当天开具并推送",
						"The funeral home issues the cremation certificate on the day of cremation"));
	}

	/**
	 * Items that pay money (note 1): they need the social-security-card or bank I-class
	 * account.
	 */
	public static Set<RequestedItem> paying() {
		EnumSet<RequestedItem> items = EnumSet.noneOf(RequestedItem.class);
		for (RequestedItem item : RequestedItem.values()) {
			if (item.paysMoney()) {
				items.add(item);
			}
		}
		return items;
	}

	private static Rule rule(String id, String seed, Set<RequestedItem> items, Effect effect,
			Predicate<ApplicationForm> when, String zh, String en) {
		return new Rule(id, seed, items, effect, when, zh, en);
	}

	private static Deceased deceased(ApplicationForm form) {
		return (form.deceased() != null) ? form.deceased()
				: new Deceased(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	private static <E> boolean knownAndNot(E value, E expected) {
		return value != null && value != expected;
	}

	private static boolean housingFundMissing(ApplicationForm form) {
		var fund = deceased(form).housingFund();
		return fund == null || blank(fund.depositPlace()) || blank(fund.employerAccount());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
