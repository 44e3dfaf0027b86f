package cn.shanxi.lianban.certificate;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.access.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 待核实案件: an operator decides a case held because its application and its death
 * certificate name the deceased differently (an OPERATOR person). Who decided is the
 * logged-in person, never a field of the request.
 */
@RestController
@RequestMapping("/api/v1/applications/{caseNo}/hold")
class HoldController {

	private final CaseHolds holds;

	HoldController(CaseHolds holds) {
		this.holds = holds;
	}

	@Operation(summary = "Confirm a held case is the same person: it proceeds as its death certificate decides")
	@PostMapping("/confirm")
	CaseHolds.Decision confirm(@PathVariable("caseNo") String caseNo, @AuthenticationPrincipal Actor operator) {
		return this.holds.confirm(caseNo, operator);
	}

	@Operation(summary = "Reject a held case: not the same person; nothing was sent for it")
	@PostMapping("/reject")
	CaseHolds.Decision reject(@PathVariable("caseNo") String caseNo, @AuthenticationPrincipal Actor operator) {
		return this.holds.reject(caseNo, operator);
	}

}
