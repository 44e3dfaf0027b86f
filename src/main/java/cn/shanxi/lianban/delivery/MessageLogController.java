package cn.shanxi.lianban.delivery;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.support.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.audit.Audit;
import cn.shanxi.lianban.audit.AuditEntry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 报文记录: what the hub sent about a case, and what the agencies' systems answered. */
@RestController
@RequestMapping("/api/v1/applications/{caseNo}/messages")
class MessageLogController {

	private final MessageLog messages;

	private final Audit audit;

	MessageLogController(MessageLog messages, Audit audit) {
		this.messages = messages;
		this.audit = audit;
	}

	@Operation(summary = "The messages sent for a case, each with its payload and delivery history (OPERATOR)")
	@GetMapping
	Map<String, Object> list(@PathVariable("caseNo") String caseNo, @AuthenticationPrincipal Actor operator) {
		List<MessageLog.Message> list = this.messages.ofCase(caseNo).orElseThrow(() -> notFound(caseNo));
		this.audit.read(operator, caseNo, AuditEntry.Part.MESSAGES);
		return Map.of("caseNo", caseNo, "messages", list);
	}

	@Operation(summary = "One message's payload, byte for byte (OPERATOR)")
	@GetMapping("/{id}/payload")
	ResponseEntity<byte[]> payload(@PathVariable("caseNo") String caseNo, @PathVariable("id") long id,
			@AuthenticationPrincipal Actor operator) {
		this.audit.read(operator, caseNo, AuditEntry.Part.MESSAGES);
		MessageLog.Payload payload = this.messages.payload(caseNo, id)
			.orElseThrow(() -> ProblemException.notFound("没有该报文", "No such message of this case"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(payload.contentType())).body(payload.bytes());
	}

	private static ProblemException notFound(String caseNo) {
		return ProblemException.notFound("没有该案件：" + caseNo, "No case " + caseNo);
	}

}
