package cn.shanxi.lianban.guide;

import java.util.ArrayList;
import java.util.List;

import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.casefile.ApplicationForm.Benefit;
import cn.shanxi.lianban.casefile.RequestedItem;
import cn.shanxi.lianban.dispatch.ItemPlanner;
import cn.shanxi.lianban.dispatch.Plan;
import org.springframework.stereotype.Component;

/**
 * 智能问答/智能政务助理 (方案三(一)1): from any part of the form, what the hub would do. It reads the
 * same rule table as the validator and dispatch, so its answer is what will happen.
 */
@Component
class Guide {

	/** 申请材料 (方案三(二)). */
	private static final List<String> MATERIALS = List.of(
			"山西省公民身后“一件事”联办服务申请表 / The joint-service application form (附件2)",
			"死亡人员身份证或户口页（照片或扫描件） / Photo or scan of the deceased's ID card or household register page",
			"申请人身份证（照片或扫描件） / Photo or scan of the applicant's ID card");

	private static final String OFFLINE_MATERIALS = "到窗口线下办理的事项，请携带申请人身份证原件及死亡人员相关证明材料原件 / "
			+ "For items handled at the window, bring the applicant's ID card and the originals of the deceased's documents";

	private final ItemPlanner planner;

	Guide(ItemPlanner planner) {
		this.planner = planner;
	}

	GuideAnswer answer(ApplicationForm form) {
		Plan plan = this.planner.plan(form);
		List<GuideAnswer.WorkItem> items = new ArrayList<>();
		for (Plan.PlannedItem p : plan.items()) {
			Plan.Reason r = p.reason();
			items.add(new GuideAnswer.WorkItem(p.type().name(), p.type().zh() + " / " + p.type().en(), p.agency(),
					p.handling().name(), (r != null) ? r.zh() : null, (r != null) ? r.en() : null,
					(r != null) ? r.rule() : null, (r != null) ? r.seed() : null,
					p.conditions()
						.stream()
						.map((c) -> new GuideAnswer.Condition(c.rule(), c.seed(), c.zh(), c.en()))
						.toList()));
		}
		List<GuideAnswer.NotApplicable> notApplicable = plan.notApplicable()
			.stream()
			.map((n) -> new GuideAnswer.NotApplicable(n.item().name(), n.reason().zh(), n.reason().en(),
					n.reason().rule(), n.reason().seed()))
			.toList();
		List<String> materials = new ArrayList<>(MATERIALS);
		if (plan.items().stream().anyMatch((p) -> p.handling() == Plan.Handling.OFFLINE)) {
			materials.add(OFFLINE_MATERIALS);
		}
		return new GuideAnswer(items, notApplicable, materials, warnings(form));
	}

	private static List<String> warnings(ApplicationForm form) {
		List<String> warnings = new ArrayList<>();
		ApplicationForm.Deceased d = form.deceased();
		boolean paying = form.items().stream().anyMatch((i) -> i != null && i.paysMoney());
		if (paying && (d == null || (d.socialSecurityCardAccount() == null && d.bankAccount() == null))) {
			warnings.add("领取款项的事项须填写死亡人员社保卡账户或银行I类账户（附件2 注1） / "
					+ "Items that pay money need the deceased's social-security-card account or bank I-class account (form note 1)");
		}
		if (d != null && d.benefits() != null && d.benefits().contains(Benefit.NONE) && d.benefits().size() > 1) {
			warnings.add("\"都不是\"不能与其他福利待遇同时选择 / \"None of these\" cannot be combined with a benefit");
		}
		if (form.items().contains(RequestedItem.FUNERAL_GRANT) && (d == null || d.householdRegionCode() == null)) {
			warnings.add("丧葬补助金仅在已建立该制度的地区办理，将依据死亡证明上的户籍地确定 / "
					+ "The funeral grant exists only in regions with the scheme; the household region on the death certificate decides");
		}
		warnings.add("是否符合条件（本省户籍、在晋死亡）以医疗机构或公安机关推送的死亡证明为准 / "
				+ "Eligibility (Shanxi household registration, death in Shanxi) is decided from the death certificate the hospital or police send");
		return warnings;
	}

}
