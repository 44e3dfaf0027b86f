package cn.shanxi.lianban.casefile;

import java.util.List;

import cn.shanxi.lianban.access.AccessCodes;
import cn.shanxi.lianban.access.Actor;

/**
 * Which cases an actor may read, as a condition on {@code case_file c} that the reading
 * statement carries (no round trip of its own):
 * <ul>
 * <li>a channel: the case's applicant ({@code X-On-Behalf-Of}) on the channel they
 * applied through, or on any channel with the case's access code ({@code X-Access-Code});
 * <li>a clerk: the cases of their service centre;
 * <li>a supervisor: the cases with an item of their agency;
 * <li>an operator: every case; anyone else: none.
 * </ul>
 * A case the actor may not read answers like an unknown one.
 */
public record CaseAccess(String condition, List<Object> params) {

	private static final CaseAccess NONE = new CaseAccess("false", List.of());

	/**
	 * Who may add to a case: its applicant on the channel they applied through (an access
	 * code does not suffice), or a clerk of its service centre.
	 */
	public static CaseAccess owner(Actor actor) {
		if (actor != null && actor.role() == cn.shanxi.lianban.access.Role.CHANNEL && actor.onBehalfOf() != null) {
			return new CaseAccess("c.applicant_id_number = ? and c.channel = ?",
					List.of(actor.onBehalfOf(), actor.channel()));
		}
		if (actor != null && actor.role() == cn.shanxi.lianban.access.Role.CLERK) {
			return of(actor, null);
		}
		return NONE;
	}

	public static CaseAccess of(Actor actor, String accessCode) {
		if (actor == null || actor.role() == null) {
			return NONE;
		}
		return switch (actor.role()) {
			case CHANNEL -> (actor.onBehalfOf() == null) ? NONE : new CaseAccess(
					"c.applicant_id_number = ? and (c.channel = ? or c.access_code_sha256 = ?)",
					java.util.Arrays.asList(actor.onBehalfOf(), actor.channel(), AccessCodes.sha256(accessCode)));
			case CLERK -> new CaseAccess("c.service_centre = ?", List.of(actor.serviceCentre()));
			case SUPERVISOR ->
				new CaseAccess("exists (select 1 from work_item a where a.case_id = c.id and a.agency = ?)",
						List.of(actor.agency()));
			case OPERATOR -> new CaseAccess("true", List.of());
			default -> NONE;
		};
	}

}
