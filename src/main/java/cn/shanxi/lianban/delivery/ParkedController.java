package cn.shanxi.lianban.delivery;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.ProblemException;
import cn.shanxi.lianban.access.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 搁置消息: messages whose delivery gave up, for operators (OPERATOR key). */
@RestController
@RequestMapping("/api/v1/parked")
class ParkedController {

	private final ParkedMessages parked;

	ParkedController(ParkedMessages parked) {
		this.parked = parked;
	}

	@Operation(summary = "List parked messages, oldest first (optionally of one agency)")
	@GetMapping
	Map<String, Object> list(@RequestParam(name = "agency", required = false) String agency,
			@RequestParam(name = "limit", defaultValue = "500") int limit) {
		List<ParkedMessages.Parked> list = this.parked.list(agency, Math.max(1, Math.min(limit, 5000)));
		return Map.of("count", list.size(), "parked", list);
	}

	@Operation(summary = "Replay one parked message: same payload, same dedup key, delivered once")
	@PostMapping("/{id}/replay")
	Map<String, Object> replay(@PathVariable("id") long id, @AuthenticationPrincipal Actor operator) {
		return Map.of("replayed", this.parked.replay(id, operator.id()));
	}

	@Operation(summary = "Replay every parked message of an agency")
	@PostMapping("/replay")
	Map<String, Object> replayAgency(@RequestParam(name = "agency", required = false) String agency,
			@AuthenticationPrincipal Actor operator) {
		if (agency == null || agency.isBlank()) {
			throw ProblemException.invalid(List.of(new FieldError("agency", "required", "请指明要重发哪个部门的搁置消息",
					"Say which agency's parked messages to replay: ?agency=CODE")));
		}
		List<Long> ids = this.parked.replayAgency(agency, operator.id());
		return Map.of("agency", agency, "replayed", ids.size(), "messages", ids);
	}

}
