package cn.shanxi.lianban.intake;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.audit.Audit;
import cn.shanxi.lianban.audit.AuditEntry;
import cn.shanxi.lianban.casefile.CaseAccess;
import cn.shanxi.lianban.casefile.CaseRecords;
import cn.shanxi.lianban.casefile.CaseStatus;
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

	private final Audit audit;

	/** A case in one of these has ended: nothing is added to it. */
	private static final java.util.Set<CaseStatus> ENDED = java.util.EnumSet.of(CaseStatus.COMPLETED,
			CaseStatus.COMPLETED_PARTIALLY, CaseStatus.REJECTED);

	AttachmentController(Attachments attachments, CaseRecords cases, CaseTimeline timeline, TransactionTemplate tx,
			Audit audit) {
		this.audit = audit;
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
		OnBehalfOf.require(client);
		Attachments.Kind parsedKind = kind(kind);
		Findings findings = new Findings();
		Attachments.Checked checked = this.attachments.check("file", parsedKind, file.getOriginalFilename(),
				file.getBytes(), findings);
		if (findings.hasErrors()) {
			throw ProblemException.invalid(findings.errors());
		}
		Stored stored = this.tx.execute((status) -> {
			CaseRecords.Found found = this.cases.find(caseNo, CaseAccess.owner(client))
				.orElseThrow(() -> ProblemException.notFound("案件不存在：" + caseNo, "No case " + caseNo));
			if (ENDED.contains(found.status())) {
				throw ProblemException.conflict("case-ended", "案件已办结，不能再补传材料",
						"The case has ended: no material can be added", found.status().name());
			}
			long caseId = found.id();
			long id = this.attachments.store(caseId, checked);
			this.audit.record(client, AuditEntry.Action.CREATE, caseNo, AuditEntry.Part.ATTACHMENT, null);
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
