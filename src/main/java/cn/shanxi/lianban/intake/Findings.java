package cn.shanxi.lianban.intake;

import java.util.ArrayList;
import java.util.List;

import cn.shanxi.lianban.support.FieldError;

/**
 * What the validator found: errors refuse the form, warnings go back with the accepted
 * case.
 */
final class Findings {

	private final List<FieldError> errors = new ArrayList<>();

	private final List<FieldError> warnings = new ArrayList<>();

	/** The rule table's plan for the form, when the form got far enough to be planned. */
	private cn.shanxi.lianban.dispatch.Plan plan;

	void plan(cn.shanxi.lianban.dispatch.Plan plan) {
		this.plan = plan;
	}

	cn.shanxi.lianban.dispatch.Plan plan() {
		return this.plan;
	}

	void error(String field, String code, String zh, String en) {
		this.errors.add(new FieldError(field, code, zh, en));
	}

	void error(FieldError error) {
		this.errors.add(error);
	}

	void warning(String field, String code, String zh, String en) {
		this.warnings.add(new FieldError(field, code, zh, en));
	}

	void required(String field, Object value, String zhName, String enName) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			error(field, "required", zhName + "不能为空", enName + " is required");
		}
	}

	boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	List<FieldError> errors() {
		return List.copyOf(this.errors);
	}

	List<FieldError> warnings() {
		return List.copyOf(this.warnings);
	}

}
