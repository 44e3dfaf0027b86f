package cn.shanxi.lianban.intake;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import cn.shanxi.lianban.support.IdNumbers;
import cn.shanxi.lianban.support.Problem;
import cn.shanxi.lianban.support.ProblemException;

/**
 * A channel acts for the person it has authenticated (the portal's real-name
 * authentication), named with each call in {@code X-On-Behalf-Of} by their ID number: a
 * channel call about a case without it is refused as a whole, before anything is read.
 */
final class OnBehalfOf {

	static final String HEADER = "X-On-Behalf-Of";

	private OnBehalfOf() {
	}

	/** Refuses a channel's call that names no person, or not by a valid ID number. */
	static void require(Actor actor) {
		if (actor == null || !actor.is(Role.CHANNEL)) {
			return;
		}
		if (actor.onBehalfOf() == null || actor.onBehalfOf().isBlank()) {
			throw new ProblemException(Problem.of(400, "on-behalf-of-missing", "缺少 X-On-Behalf-Of 请求头",
					"The X-On-Behalf-Of header is missing",
					"渠道须以 X-On-Behalf-Of 传递已实名认证的办事人身份证号 / A channel names the person it authenticated "
							+ "by their ID number in X-On-Behalf-Of"));
		}
		if (!IdNumbers.isValid(actor.onBehalfOf())) {
			throw new ProblemException(Problem.of(400, "on-behalf-of-format", "X-On-Behalf-Of 不是有效的身份证号",
					"X-On-Behalf-Of is not a valid ID number", "应为18位居民身份证号 / An 18-character resident ID number"));
		}
	}

	/**
	 * A channel applies for the person it authenticated: the form's applicant must be
	 * them.
	 */
	static void requireApplicant(Actor actor, String applicantIdNumber) {
		require(actor);
		if (actor.is(Role.CHANNEL) && !actor.onBehalfOf().equals(IdNumbers.normalise(applicantIdNumber))) {
			throw new ProblemException(Problem.of(403, "on-behalf-of-not-applicant", "申请人须为渠道已认证的本人",
					"The applicant must be the person the channel authenticated",
					"applicant.idNumber 与 X-On-Behalf-Of 不一致 / applicant.idNumber differs from X-On-Behalf-Of"));
		}
	}

}
