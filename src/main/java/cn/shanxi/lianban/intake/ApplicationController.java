package cn.shanxi.lianban.intake;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import cn.shanxi.lianban.audit.Audit;
import cn.shanxi.lianban.audit.AuditEntry;
import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.casefile.CaseAccess;
import cn.shanxi.lianban.casefile.CaseView;
import cn.shanxi.lianban.casefile.CaseViews;
import cn.shanxi.lianban.casefile.OneCasePerDeceased;
import cn.shanxi.lianban.support.Problem;
import cn.shanxi.lianban.support.ProblemException;
import cn.shanxi.lianban.access.Actor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 联办申请: the family's one application, and the case it opens. */
@RestController
@RequestMapping("/api/v1/applications")
class ApplicationController {

	private final FormReader reader;

	private final ApplicationValidator validator;

	private final Attachments attachments;

	private final AcceptApplication accept;

	private final CaseViews views;

	private final AcceptQueue queue;

	private final Audit audit;

	private final OneCasePerDeceased oneCase;

	/** The family's access code (查询码), to read their case on another channel. */
	static final String ACCESS_CODE = "X-Access-Code";

	ApplicationController(FormReader reader, ApplicationValidator validator, Attachments attachments,
			AcceptApplication accept, CaseViews views, AcceptQueue queue, Audit audit, OneCasePerDeceased oneCase) {
		this.audit = audit;
		this.oneCase = oneCase;
		this.reader = reader;
		this.validator = validator;
		this.attachments = attachments;
		this.accept = accept;
		this.views = views;
		this.queue = queue;
	}

	@Operation(summary = "Submit an application (附件2) as JSON",
			responses = @ApiResponse(responseCode = "201", description = "The case, as GET returns it, with warnings",
					content = @Content(schema = @Schema(implementation = CaseView.class))))
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> submit(@RequestBody byte[] body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal Actor client) throws IOException {
		return submit(client, body, List.of(), idempotencyKey);
	}

	@Operation(summary = "Submit an application with its materials: part 'application' (JSON), files "
			+ "'deceasedIdDocument' and 'applicantIdDocument' (JPEG, PNG or PDF)")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> submitWithMaterials(@RequestPart("application") byte[] application,
			@RequestPart(name = "deceasedIdDocument", required = false) MultipartFile deceasedIdDocument,
			@RequestPart(name = "applicantIdDocument", required = false) MultipartFile applicantIdDocument,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal Actor client) throws IOException {
		List<Upload> files = new ArrayList<>();
		if (deceasedIdDocument != null) {
			files.add(new Upload("deceasedIdDocument", Attachments.Kind.DECEASED_ID_DOCUMENT, deceasedIdDocument));
		}
		if (applicantIdDocument != null) {
			files.add(new Upload("applicantIdDocument", Attachments.Kind.APPLICANT_ID_DOCUMENT, applicantIdDocument));
		}
		return submit(client, application, files, idempotencyKey);
	}

	@Operation(summary = "A case: status, the form, every work item and the timeline",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(schema = @Schema(implementation = CaseView.class))))
	@GetMapping(path = "/{caseNo}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> get(@PathVariable String caseNo, @AuthenticationPrincipal Actor actor,
			@RequestHeader(name = ACCESS_CODE, required = false) String accessCode) {
		OnBehalfOf.require(actor);
		// a case the caller may not read is answered as an unknown one, and audited
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.views
				.read(caseNo, CaseAccess.of(actor, accessCode),
						this.audit.entry(actor, AuditEntry.Action.READ, caseNo, AuditEntry.Part.CASE, null))
				.orElseThrow(() -> ProblemException.notFound("案件不存在：" + caseNo, "No case " + caseNo)));
	}

	private ResponseEntity<byte[]> submit(Actor client, byte[] json, List<Upload> uploads, String idempotencyKey)
			throws IOException {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw ProblemException
				.invalid(List.of(new cn.shanxi.lianban.support.FieldError("Idempotency-Key", "idempotencyKey.format",
						"Idempotency-Key 应为1至200个字符", "Idempotency-Key must be 1 to 200 characters")));
		}
		// who acts comes first, as the API key does; then the form (the contract's
		// 400/422),
		// and only a valid form is matched against the person (403)
		OnBehalfOf.require(client);
		ApplicationForm form = this.reader.read(json);
		Findings findings = this.validator.validate(form);
		List<Attachments.Checked> files = new ArrayList<>();
		StringBuilder digest = new StringBuilder(Attachments.sha256(json));
		for (Upload upload : uploads) {
			Attachments.Checked checked = this.attachments.check(upload.part(), upload.kind(),
					upload.file().getOriginalFilename(), upload.file().getBytes(), findings);
			if (checked != null) {
				files.add(checked);
				digest.append(upload.part()).append(checked.sha256());
			}
		}
		if (findings.hasErrors()) {
			throw ProblemException.invalid(findings.errors());
		}
		OnBehalfOf.requireApplicant(client, form.applicant().idNumber());
		String requestSha256 = Attachments.sha256(digest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		AcceptApplication.Command command = new AcceptApplication.Command(client, form, findings.plan(), files,
				findings.warnings(), idempotencyKey, requestSha256);
		AcceptApplication.Answer answer;
		try {
			answer = this.queue.inTurn(() -> this.accept.accept(command));
		}
		catch (DataIntegrityViolationException ex) {
			if (!OneCasePerDeceased.isViolation(ex)) {
				throw ex;
			}
			throw deceasedHasACase(form.deceased().idNumber());
		}
		var response = ResponseEntity.created(URI.create("/api/v1/applications/" + answer.caseNo()))
			.contentType(MediaType.APPLICATION_JSON);
		if (answer.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		// bytes, encoded once: a String answer is encoded twice (for its length, then to
		// write)
		return response.body(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * 409: the deceased has a case (not REJECTED) already; nothing was stored. The family
	 * follows that case instead; since a case answers only its applicant (issue 15),
	 * another relative learns its number, nothing of its content.
	 */
	private ProblemException deceasedHasACase(String deceasedIdNumber) {
		String caseNo = this.oneCase.openCase(deceasedIdNumber).orElse(null);
		if (caseNo == null) {
			// the other case was rejected in between: a retry opens a new one
			return ProblemException.conflict("deceased-has-case", "该逝者的另一份申请正在处理，请稍后重试",
					"Another application for this deceased is being handled; try again shortly", null);
		}
		String url = "/api/v1/applications/" + caseNo;
		return new ProblemException(Problem
			.of(409, "deceased-has-case", "该逝者已有联办案件", "This deceased already has a case",
					"该逝者已有案件 " + caseNo + "，未新建案件；申请人可凭该案件号查询办理进度（" + url
							+ "，在其他渠道另需短信中的查询码），其他亲属无需再次申请，可向申请人或受理窗口了解进度 / The deceased already has case " + caseNo
							+ ": no new case was opened. Follow that case by its number (" + url
							+ "): its applicant can, on another channel with the access code of the SMS; another "
							+ "relative need not apply again and asks the applicant or the window that took it")
			.with("caseNo", caseNo)
			.with("caseUrl", url));
	}

	private record Upload(String part, Attachments.Kind kind, MultipartFile file) {
	}

}
