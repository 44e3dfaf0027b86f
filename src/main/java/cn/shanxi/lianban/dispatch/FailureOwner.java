package cn.shanxi.lianban.dispatch;

import java.util.Set;

import cn.shanxi.lianban.mapping.MappingException;

/**
 * Whose a render failure is. Only what the agency's own system cannot take — a name its
 * charset cannot hold (生僻字), a value longer than its field — sends the family to the
 * window (方案三(三): 无法线上办理的事项线下办理). Everything else is of the hub's own making: a mapping
 * that cannot format a value the hub accepted, a code missing from a code table, a
 * missing or misshapen value the hub should have refused, a broken mapping. Those wait
 * for an operator; the family is told nothing technical.
 */
final class FailureOwner {

	private static final Set<String> AGENCY_CANNOT_TAKE = Set.of(MappingException.UNENCODABLE_CHARACTER,
			MappingException.VALUE_TOO_LONG);

	private FailureOwner() {
	}

	static boolean agencyCannotTake(MappingException error) {
		return AGENCY_CANNOT_TAKE.contains(error.code());
	}

}
