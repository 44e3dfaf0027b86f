package cn.shanxi.lianban.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why an item goes to the window (线下办理), in words a family understands, and what to bring
 * there. Keyed by the reason code an agency's reply carries; each reason quotes the line
 * of the seed ({@code shared/seed/shanxi-post-death-joint-service-plan.zh.txt}) it comes
 * from. The materials beyond the seed's own are the usual ones of the agencies and are
 * for the agencies to confirm.
 */
public enum OfflineReason {

	/** 附件2 注2: 已封存. */
	HOUSING_FUND_NOT_SEALED(Seed.NOTE_2, "死亡人员的住房公积金账户尚未封存，需原单位先办理封存",
			"The deceased's housing-fund account has not been sealed yet: the former employer must seal it first",
			m("原单位出具的住房公积金账户封存证明", "The former employer's confirmation that the housing-fund account is sealed")),
	/** 附件2 注2: 已足额缴存. */
	HOUSING_FUND_NOT_FULLY_PAID(Seed.NOTE_2, "死亡人员的住房公积金账户未足额缴存，需原单位先补缴",
			"The housing-fund contributions were not fully paid: the former employer must pay what is missing first",
			m("原单位出具的住房公积金补缴凭证", "The former employer's receipt for the missing contributions")),
	/** 附件2 注2: 无冻结. */
	HOUSING_FUND_FROZEN(Seed.NOTE_2, "死亡人员的住房公积金账户处于冻结状态，需先解除冻结",
			"The housing-fund account is frozen: it must be unfrozen first",
			m("解除冻结的法律文书（如法院协助解除冻结通知书）", "The document that lifts the freeze (e.g. the court's notice)")),
	/** 附件2 注2: 无公积金贷款. */
	HOUSING_FUND_LOAN(Seed.NOTE_2, "死亡人员有未结清的住房公积金贷款，需先办理贷款结清或由继承人承继",
			"The deceased has a housing-fund loan outstanding: it must be settled or taken over by an heir first",
			m("住房公积金借款合同及还款凭证", "The housing-fund loan contract and repayment records")),
	/** 附件2 注2: 无担保. */
	HOUSING_FUND_GUARANTEE(Seed.NOTE_2, "死亡人员的住房公积金账户为他人贷款提供担保，需先解除担保",
			"The housing-fund account guarantees someone else's loan: the guarantee must be released first",
			m("解除担保的证明材料", "Proof that the guarantee has been released")),
	/** 附件2 注3: 医疗费用已报销完结. */
	MEDICAL_COSTS_UNSETTLED(Seed.NOTE_3, "死亡人员的医疗费用还未报销完结",
			"The deceased's medical costs have not all been reimbursed yet",
			m("医疗费用票据、出院结算单等报销材料", "Medical bills and discharge settlement statements"),
			m("死亡人员的医保卡（社保卡）", "The deceased's medical insurance (social security) card")),
	/** 附件2 注3: 死亡当月已办理医保暂停. */
	MEDICAL_INSURANCE_NOT_SUSPENDED(Seed.NOTE_3, "死亡当月未办理医保暂停",
			"The medical insurance was not suspended in the month of death",
			m("《居民死亡医学证明（推断）书》或非正常死亡证明", "The death certificate (medical or non-normal death)"),
			m("死亡人员的医保卡（社保卡）", "The deceased's medical insurance (social security) card")),
	/** 方案三(三) last paragraph: 多发养老保险待遇未退回. */
	PENSION_OVERPAID(Seed.PLAN_3_3_LAST, "因死亡证明办理不及时，死亡后多发的养老保险待遇尚未退回",
			"Pension benefits paid after the death (the certificate came late) have not been returned yet",
			m("死亡人员的社保卡或待遇领取银行卡", "The deceased's social security card or the bank card the pension was paid to"),
			m("多发待遇的退回凭证（已退回的）", "The receipt for the returned benefits, if already returned")),
	/** 方案三(三) last paragraph: 多划拨医疗保险未退回. */
	MEDICAL_INSURANCE_OVERPAID(Seed.PLAN_3_3_LAST, "因死亡证明办理不及时，死亡后多划拨的医疗保险个人账户资金尚未退回",
			"Medical insurance money credited after the death (the certificate came late) has not been returned yet",
			m("死亡人员的医保卡（社保卡）", "The deceased's medical insurance (social security) card"),
			m("多划拨资金的退回凭证（已退回的）", "The receipt for the returned money, if already returned")),
	/** 附件2 注4: 工伤保险线下办理. */
	WORK_INJURY_SURVIVOR(Seed.NOTE_4, "因工死亡的遗属待遇由工伤保险支付，需到窗口办理",
			"Survivor benefits after a death at work are paid by work-injury insurance and handled at the window",
			m("工伤认定决定书", "The work-injury decision (工伤认定决定书)"),
			m("供养亲属的身份证明及生活来源证明（申领供养亲属抚恤金的）", "ID and proof of means of the dependants (for the dependants' pension)")),
	/** 附件2 注4: 失业保险线下办理. */
	UNEMPLOYMENT_SURVIVOR(Seed.NOTE_4, "领取失业保险金期间死亡的，丧葬补助金和抚恤金由失业保险支付，需到窗口办理",
			"For a death while receiving unemployment benefit, the funeral grant and pension come from unemployment insurance and are handled at the window",
			m("死亡人员的失业登记及失业保险金领取材料", "The deceased's unemployment registration and benefit papers")),
	/** 附件2 注1: 账户需处于激活正常使用状态. */
	ACCOUNT_INACTIVE(Seed.NOTE_1, "死亡人员的社保卡或银行卡账户未处于激活正常使用状态，款项无法发放",
			"The deceased's social security card or bank account is not active, so the money cannot be paid",
			m("死亡人员的社保卡或银行卡", "The deceased's social security card or bank card")),
	/** The agency's own reason, not one of the seed's. */
	OTHER(Seed.OFFLINE_FALLBACK, "经办部门要求到窗口办理", "The agency asks for this to be handled at the window");

	/**
	 * Rule ids of the rule table (dispatch/ItemRules) that send an item to the window.
	 */
	private static final Map<String, OfflineReason> BY_RULE = Map.of("survivorBenefit.workInjuryOffline",
			WORK_INJURY_SURVIVOR);

	/** What every visit to the window needs (方案三(二) 申请材料). */
	private static final List<Material> ALWAYS = List.of(m("申请人身份证原件", "The applicant's ID card (original)"),
			m("死亡人员身份证或户口簿", "The deceased's ID card or household register"),
			m("与死亡人员的关系证明（如户口簿、结婚证、出生医学证明）",
					"Proof of relation to the deceased (household register, marriage or birth certificate)"),
			m("联办案件号（见短信）", "The case number (in the SMS)"));

	private final String seed;

	private final String zh;

	private final String en;

	private final List<Material> materials;

	OfflineReason(String seed, String zh, String en, Material... materials) {
		this.seed = seed;
		this.zh = zh;
		this.en = en;
		this.materials = List.of(materials);
	}

	/** The reason an agency's code names; {@link #OTHER} for a code not in the table. */
	public static OfflineReason of(String code) {
		if (code != null) {
			for (OfflineReason reason : values()) {
				if (reason.name().equalsIgnoreCase(code.trim())) {
					return reason;
				}
			}
		}
		return OTHER;
	}

	/** The reason behind a rule of the rule table that sends an item to the window. */
	public static Optional<OfflineReason> ofRule(String ruleId) {
		return Optional.ofNullable((ruleId != null) ? BY_RULE.get(ruleId) : null);
	}

	/** Rule ids with a reason of their own. */
	static Map<String, OfflineReason> byRule() {
		return BY_RULE;
	}

	public String seed() {
		return this.seed;
	}

	public String zh() {
		return this.zh;
	}

	public String en() {
		return this.en;
	}

	/** What to bring: the reason's own materials, then those every visit needs. */
	public List<Material> bring() {
		List<Material> all = new ArrayList<>(this.materials);
		all.addAll(ALWAYS);
		return all;
	}

	/** What to bring, in Chinese, joined for a sentence or an SMS. */
	public String bringZh() {
		return bring().stream().map(Material::zh).collect(Collectors.joining("、"));
	}

	/**
	 * The sentence a family reads: the reason, where to go, what to bring; Chinese, then
	 * English.
	 */
	public String text() {
		return this.zh + "。请到政务服务中心“高效办成一件事”窗口办理，携带：" + bringZh() + "。 / " + this.en
				+ ". Please go to the 'one thing done efficiently' window of the government service centre and bring: "
				+ bring().stream().map(Material::en).collect(Collectors.joining("; ")) + ".";
	}

	/**
	 * The reason as stored on the work item ({@code work_item.reason}).
	 * @param agencySays the agency's own words, kept beside ours
	 */
	public Map<String, Object> asReason(String agencySays) {
		Map<String, Object> reason = new LinkedHashMap<>();
		reason.put("code", name());
		reason.put("seed", this.seed);
		reason.put("zh", this.zh);
		reason.put("en", this.en);
		reason.put("bring", bring());
		reason.put("text", text());
		if (agencySays != null && !agencySays.isBlank()) {
			reason.put("agencySays", agencySays);
		}
		return reason;
	}

	private static Material m(String zh, String en) {
		return new Material(zh, en);
	}

	/** Something to bring to the window. */
	public record Material(String zh, String en) {
	}

	private static final class Seed {

		static final String NOTE_1 = "附件2 注1：死亡人员银行卡、社保卡账户需处于激活正常使用状态";

		static final String NOTE_2 = "附件2 注2：住房公积金账户已足额缴存、已封存、无冻结、无公积金贷款、无担保";

		static final String NOTE_3 = "附件2 注3：医疗费用已报销完结、死亡当月已办理医保暂停";

		static final String NOTE_4 = "附件2 注4：工伤保险、失业保险线下办理";

		static final String OFFLINE_FALLBACK = "方案：线上为主、线下兜底";

		static final String PLAN_3_3_LAST = "方案三(三)末段：多划拨医疗保险、多发养老保险待遇未退回的……需线下办理相关业务";

	}

}
