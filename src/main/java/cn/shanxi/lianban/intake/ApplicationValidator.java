package cn.shanxi.lianban.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.casefile.ApplicationForm.Account;
import cn.shanxi.lianban.casefile.ApplicationForm.Applicant;
import cn.shanxi.lianban.casefile.ApplicationForm.Benefit;
import cn.shanxi.lianban.casefile.ApplicationForm.Commitment;
import cn.shanxi.lianban.casefile.ApplicationForm.Deceased;
import cn.shanxi.lianban.casefile.RequestedItem;
import cn.shanxi.lianban.dispatch.ItemPlanner;
import cn.shanxi.lianban.dispatch.Plan;
import cn.shanxi.lianban.support.AccountNumbers;
import cn.shanxi.lianban.support.IdNumbers;
import cn.shanxi.lianban.support.PhoneNumbers;
import org.springframework.stereotype.Component;

/**
 * Checks a whole application form and lists everything wrong with it at once. Eligibility
 * on household registration and place of death is NOT decided here: it needs the death
 * certificate.
 */
@Component
class ApplicationValidator {

	private static final int MAX_NAME = 50;

	private static final int MAX_TEXT = 200;

	private final ItemPlanner planner;

	ApplicationValidator(ItemPlanner planner) {
		this.planner = planner;
	}

	Findings validate(ApplicationForm form) {
		Findings f = new Findings();
		checkApplicant(form.applicant(), f);
		checkDeceased(form.deceased(), f);
		if (form.applicant() != null && form.deceased() != null && form.applicant().idNumber() != null
				&& IdNumbers.normalise(form.applicant().idNumber())
					.equals(IdNumbers.normalise(form.deceased().idNumber()))) {
			f.error("applicant.idNumber", "applicant.isDeceased", "申请人不能是死亡人员本人",
					"The applicant cannot be the deceased");
		}
		checkItems(form, f);
		checkCommitment(form.commitment(), f);
		return f;
	}

	private void checkApplicant(Applicant a, Findings f) {
		if (a == null) {
			f.required("applicant", null, "申请人信息", "The applicant");
			return;
		}
		name("applicant.name", a.name(), "申请人姓名", "The applicant's name", f);
		f.required("applicant.idType", a.idType(), "申请人证件类型", "The applicant's ID type");
		idNumber("applicant.idNumber", a.idNumber(), f);
		if (a.phone() == null || a.phone().isBlank()) {
			f.required("applicant.phone", null, "联系电话", "The phone number");
		}
		else if (!PhoneNumbers.isValid(a.phone())) {
			f.error("applicant.phone", "phone.format", "联系电话格式不正确，应为手机号或带区号的固定电话",
					"The phone number must be a mainland mobile number or a landline with its area code");
		}
		text("applicant.address", a.address(), "申请人地址", "The applicant's address", true, f);
		f.required("applicant.relation", a.relation(), "与死亡人员关系", "The relation to the deceased");
	}

	private void checkDeceased(Deceased d, Findings f) {
		if (d == null) {
			f.required("deceased", null, "死亡人员信息", "The deceased");
			return;
		}
		name("deceased.name", d.name(), "死亡人员姓名", "The deceased's name", f);
		idNumber("deceased.idNumber", d.idNumber(), f);
		account("deceased.socialSecurityCardAccount", d.socialSecurityCardAccount(), f);
		account("deceased.bankAccount", d.bankAccount(), f);
		account("deceased.employerSettlementAccount", d.employerSettlementAccount(), f);
		if (d.housingFund() != null) {
			text("deceased.housingFund.depositPlace", d.housingFund().depositPlace(), "公积金缴存地",
					"The housing-fund deposit place", false, f);
			String account = d.housingFund().employerAccount();
			if (account != null && !account.isBlank() && !account.matches("[0-9A-Za-z-]{1,30}")) {
				f.error("deceased.housingFund.employerAccount", "housingFund.accountFormat", "单位公积金账号应为1至30位数字或字母",
						"The employer housing-fund account must be 1 to 30 letters or digits");
			}
		}
		checkBenefits(d.benefits(), f);
		f.required("deceased.enterpriseEmployee", d.enterpriseEmployee(), "是否企业职工", "Whether an enterprise employee");
		f.required("deceased.workStatus", d.workStatus(), "亡故前工作状态", "The work status before death");
		f.required("deceased.diedOfWorkInjury", d.diedOfWorkInjury(), "是否因工死亡", "Whether death was a work injury");
		f.required("deceased.medicalInsurance", d.medicalInsurance(), "医保参保类型", "The medical insurance type");
		f.required("deceased.pensionInsurance", d.pensionInsurance(), "养老保险参保类型", "The pension insurance type");
		String region = d.householdRegionCode();
		if (region != null && !region.matches("\\d{6}")) {
			f.error("deceased.householdRegionCode", "region.format", "户籍地区划代码应为6位数字",
					"The household region code must have 6 digits");
		}
	}

	private void checkBenefits(List<Benefit> benefits, Findings f) {
		if (benefits == null) {
			return;
		}
		if (benefits.contains(null)) {
			f.error("deceased.benefits", "benefits.null", "福利待遇选项不能为空值", "A benefit cannot be null");
		}
		if (benefits.contains(Benefit.NONE) && benefits.stream().anyMatch((b) -> b != null && b != Benefit.NONE)) {
			f.error("deceased.benefits", "benefits.noneWithOthers", "\"都不是\"不能与其他福利待遇同时选择",
					"\"None of these\" cannot be combined with a benefit");
		}
		if (new HashSet<>(benefits).size() != benefits.size()) {
			f.error("deceased.benefits", "benefits.duplicate", "福利待遇选项重复", "A benefit is listed twice");
		}
	}

	private void checkItems(ApplicationForm form, Findings f) {
		if (form.items().isEmpty()) {
			f.error("items", "items.empty", "请至少选择一项申请办理事项", "Choose at least one item to apply for");
			return;
		}
		if (form.items().contains(null)) {
			f.error("items", "items.null", "申请办理事项不能为空值", "An item cannot be null");
			return;
		}
		Set<RequestedItem> seen = new HashSet<>();
		Set<RequestedItem> repeated = new java.util.TreeSet<>();
		for (RequestedItem item : form.items()) {
			if (!seen.add(item)) {
				repeated.add(item);
			}
		}
		// each repeated item said once, however often it is repeated
		for (RequestedItem item : repeated) {
			f.error("items", "items.duplicate", "申请办理事项重复：" + item, "The item is listed twice: " + item);
		}
		if (form.deceased() == null || !repeated.isEmpty()) {
			return;
		}
		Plan plan = this.planner.plan(form);
		f.plan(plan);
		for (Plan.NotApplicable na : plan.notApplicable()) {
			f.error("items", na.reason().rule(), na.item() + "：" + na.reason().zh() + "（" + na.reason().seed() + "）",
					na.item() + ": " + na.reason().en());
		}
		for (Plan.PlannedItem item : plan.items()) {
			if (item.handling() == Plan.Handling.OFFLINE) {
				f.warning("items", item.reason().rule(), item.type() + "：" + item.reason().zh(),
						item.type() + ": " + item.reason().en());
			}
		}
		boolean paying = form.items().stream().anyMatch(RequestedItem::paysMoney);
		Deceased d = form.deceased();
		if (paying && d.socialSecurityCardAccount() == null && d.bankAccount() == null) {
			f.error("deceased.socialSecurityCardAccount", "payment.accountRequired",
					"申请领取款项的事项须填写死亡人员社保卡账户或银行I类账户（附件2 注1）",
					"Items that pay money need the deceased's social-security-card account or bank I-class account (form note 1)");
		}
	}

	private void checkCommitment(Commitment c, Findings f) {
		if (c == null) {
			f.required("commitment", null, "申请人承诺", "The applicant's commitment");
			return;
		}
		if (!Boolean.TRUE.equals(c.accepted())) {
			f.error("commitment.accepted", "commitment.notAccepted", "须同意申请人承诺方可提交",
					"The applicant's commitment must be accepted");
		}
		name("commitment.signature", c.signature(), "签名", "The signature", f);
		f.required("commitment.signedAt", c.signedAt(), "申请时间", "The date of signing");
	}

	private static void name(String field, String value, String zh, String en, Findings f) {
		if (value == null || value.isBlank()) {
			f.required(field, null, zh, en);
		}
		else if (value.codePointCount(0, value.length()) > MAX_NAME || !value.strip().equals(value)
				|| !value.codePoints().allMatch((c) -> Character.isLetter(c) || c == '·' || c == '•' || c == ' ')) {
			f.error(field, "name.format", zh + "应为1至50个文字，可含间隔号·", en + " must be 1 to 50 letters, '·' allowed");
		}
	}

	private static void text(String field, String value, String zh, String en, boolean required, Findings f) {
		if (value == null || value.isBlank()) {
			if (required) {
				f.required(field, null, zh, en);
			}
		}
		else if (value.codePointCount(0, value.length()) > MAX_TEXT) {
			f.error(field, "text.tooLong", zh + "不能超过200个字", en + " must not exceed 200 characters");
		}
	}

	private static void idNumber(String field, String value, Findings f) {
		IdNumbers.Defect defect = IdNumbers.check(value);
		if (defect != null) {
			f.error(defect.at(field));
		}
	}

	private static void account(String field, Account account, Findings f) {
		if (account == null) {
			return;
		}
		text(field + ".bank", account.bank(), "开户行", "The bank", true, f);
		if (account.bankCode() != null && !AccountNumbers.isBankCode(account.bankCode())) {
			f.error(field + ".bankCode", "bankCode.format", "开户行行号应为12位数字",
					"The bank code (CNAPS) must have 12 digits");
		}
		String number = account.number();
		if (number == null || number.isBlank()) {
			f.required(field + ".number", null, "账号", "The account number");
		}
		else if (!AccountNumbers.isAccountNumber(number)) {
			f.error(field + ".number", "account.format", "账号应为12至30位数字", "The account number must be 12 to 30 digits");
		}
		else if (AccountNumbers.isUnionPayCard(number) && !AccountNumbers.passesLuhn(number)) {
			f.warning(field + ".number", "account.luhn", "银联卡号未通过校验，请核对卡号是否正确",
					"The UnionPay card number fails the Luhn check: please make sure it is right");
		}
	}

}
