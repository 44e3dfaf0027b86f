package cn.shanxi.lianban.intake;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.casefile.CaseRecords;
import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.ProblemException;
import cn.shanxi.lianban.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Materials uploaded to a case after it was submitted (申请材料补传). */
@RestController
class AttachmentController {

	private final Attachments attachments;

	private final CaseRecords cases;

	private final CaseTimeline timeline;

	private final TransactionTemplate tx;

	AttachmentController(Attachments attachments, CaseRecords cases, CaseTimeline timeline, TransactionTemplate tx) {
		this.attachments = attachments;
		this.cases = cases;
		this.timeline = timeline;
		this.tx = tx;
	}

	record Stored(long id, String kind, String contentType, long sizeBytes, String sha256) {
	}

	@Operation(summary = "Add a material to a case: part 'kind' (DECEASED_ID_DOCUMENT, APPLICANT_ID_DOCUMENT, OTHER) "
			+ "and part 'file' (JPEG, PNG or PDF)")
	@PostMapping(path = "/api/v1/applications/{caseNo}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Stored> upload(@PathVariable String caseNo, @RequestPart("kind") String kind,
			@RequestPart("file") MultipartFile file, @AuthenticationPrincipal Actor client) throws IOException {
		Attachments.Kind parsedKind = kind(kind);
		Findings findings = new Findings();
		Attachments.Checked checked = this.attachments.check("file", parsedKind, file.getOriginalFilename(),
				file.getBytes(), findings);
		if (findings.hasErrors()) {
			throw ProblemException.invalid(findings.errors());
		}
		Stored stored = this.tx.execute((status) -> {
			long caseId = this.cases.idOf(caseNo)
				.orElseThrow(() -> ProblemException.notFound("案件不存在：" + caseNo, "No case " + caseNo));
			long id = this.attachments.store(caseId, checked);
			this.timeline.record(caseId, "ATTACHMENT_ADDED", client.source(),
					Map.of("attachmentId", id, "kind", parsedKind, "sha256", checked.sha256()));
			return new Stored(id, parsedKind.name(), checked.contentType(), checked.content().length, checked.sha256());
		});
		return ResponseEntity.created(URI.create("/api/v1/applications/" + caseNo + "/attachments/" + stored.id()))
			.body(stored);
	}

	private static Attachments.Kind kind(String kind) {
		try {
			return Attachments.Kind.valueOf(kind.trim());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid(List.of(new FieldError("kind", "value.unknown",
					"材料类型无效，可选值：DECEASED_ID_DOCUMENT, APPLICANT_ID_DOCUMENT, OTHER",
					"Unknown kind; allowed: DECEASED_ID_DOCUMENT, APPLICANT_ID_DOCUMENT, OTHER")));
		}
	}

}
