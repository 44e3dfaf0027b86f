package cn.shanxi.lianban.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.access.AccessCodes;
import cn.shanxi.lianban.access.Role;
import cn.shanxi.lianban.audit.Audit;
import cn.shanxi.lianban.audit.AuditEntry;
import cn.shanxi.lianban.casefile.ApplicationAccepted;
import cn.shanxi.lianban.casefile.CaseOwnership;
import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.casefile.CaseRecords;
import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.CaseTimeline;
import cn.shanxi.lianban.casefile.CaseViews;
import cn.shanxi.lianban.casefile.NewCase;
import cn.shanxi.lianban.dispatch.ItemPlanner;
import cn.shanxi.lianban.dispatch.Plan;
import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.Masking;
import cn.shanxi.lianban.support.ProblemException;
import cn.shanxi.lianban.access.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "accept an application": the case, its requested items, its work items, its
 * materials, its first timeline events and the idempotency record, all in one
 * transaction. The case waits for its death certificate ({@code AWAITING_CERTIFICATE})
 * unless a listener finds it on record.
 */
@Service
public class AcceptApplication {

	private static final Logger log = LoggerFactory.getLogger(AcceptApplication.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final CaseTimeline.Entry AWAITING = new CaseTimeline.Entry("AWAITING_CERTIFICATE", "hub", Map
		.of("zh", "等待死亡证明信息推送", "en", "Waiting for the death certificate from the hospital, health centre or police"));

	private final CaseRecords cases;

	private final CaseTimeline timeline;

	private final CaseViews views;

	private final ItemPlanner planner;

	private final Attachments attachments;

	private final IdempotencyRecords idempotency;

	private final ApplicationEventPublisher events;

	private final Audit audit;

	private final ObjectMapper json;

	private final Clock clock;

	AcceptApplication(CaseRecords cases, CaseTimeline timeline, CaseViews views, ItemPlanner planner,
			Attachments attachments, IdempotencyRecords idempotency, ApplicationEventPublisher events, Audit audit,
			ObjectMapper json, Clock clock) {
		this.audit = audit;
		this.cases = cases;
		this.timeline = timeline;
		this.views = views;
		this.planner = planner;
		this.attachments = attachments;
		this.idempotency = idempotency;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param form a form the validator passed, normalised
	 * @param plan the rule table's plan the validator made for it
	 * @param idempotencyKey the caller's key, or {@code null}
	 * @param requestSha256 digest of the whole request, to tell a retry from a different
	 * request
	 */
	public record Command(Actor client, ApplicationForm form, Plan plan, List<Attachments.Checked> files,
			List<FieldError> warnings, String idempotencyKey, String requestSha256) {
	}

	/** The answer: the case's JSON as first given, and whether this is a replay of it. */
	public record Answer(String caseNo, String body, boolean replayed) {
	}

	@Transactional
	public Answer accept(Command command) {
		String key = command.idempotencyKey();
		if (key != null) {
			Optional<IdempotencyRecords.Earlier> earlier = this.idempotency.claim(command.client().id(), key,
					command.requestSha256());
			if (earlier.isPresent()) {
				if (!earlier.get().requestSha256().equals(command.requestSha256())) {
					throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key 已用于另一份不同的申请",
							"This Idempotency-Key was used for a different request",
							"同一 Idempotency-Key 只能对应同一请求内容；首次请求的案件号：" + earlier.get().caseNo()
									+ " / A key stands for one request body; the first request's case: "
									+ earlier.get().caseNo());
				}
				return new Answer(earlier.get().caseNo(), earlier.get().responseBody(), true);
			}
		}
		ApplicationForm form = command.form();
		Plan plan = (command.plan() != null) ? command.plan() : this.planner.plan(form);
		String source = command.client().source();
		// The timeline reads: received, the materials added, waiting.
		// Without materials the events go with the case's own statement;
		// with them, after the files are stored.
		List<CaseTimeline.Entry> entries = new ArrayList<>();
		entries.add(new CaseTimeline.Entry("APPLICATION_RECEIVED", source,
				Map.of("items", form.items(), "workItems", plan.items().size(), "client", command.client().id())));
		if (command.files().isEmpty()) {
			entries.add(AWAITING);
		}
		NewCase newCase = new NewCase("SX" + LocalDate.now(this.clock.withZone(CHINA)).format(DAY),
				CaseStatus.AWAITING_CERTIFICATE, command.client().channel(), command.client().id(),
				form.deceased().idNumber(), form.deceased().name(), form.applicant().idNumber(),
				form.applicant().phone(), write(form), form.items(), workItems(plan),
				entries.stream().map((e) -> new NewCase.NewEvent(e.type(), e.source(), write(e.detail()))).toList());
		// the family's access code (查询码): in the answer and the SMS, kept only as a
		// digest
		String accessCode = AccessCodes.newCode();
		Actor actor = command.client();
		NewCase.Stored stored = this.cases.insert(newCase,
				new CaseOwnership(
						actor.is(Role.CLERK) || "WINDOW".equals(actor.channel()) ? actor.serviceCentre() : null,
						AccessCodes.sha256(accessCode)),
				this.audit.entry(actor, AuditEntry.Action.CREATE, null, AuditEntry.Part.CASE, null));
		if (!command.files().isEmpty()) {
			List<CaseTimeline.Entry> more = new ArrayList<>();
			for (Attachments.Checked file : command.files()) {
				long id = this.attachments.store(stored.id(), file);
				more.add(new CaseTimeline.Entry("ATTACHMENT_ADDED", source,
						Map.of("attachmentId", id, "kind", file.kind(), "sha256", file.sha256())));
			}
			more.add(AWAITING);
			this.timeline.record(stored.id(), more);
		}
		this.events.publishEvent(new ApplicationAccepted(stored.id(), stored.caseNo(), form.deceased().idNumber(),
				form.deceased().name(), form.applicant().phone(), stored.workItems(), accessCode));
		String warnings = command.warnings().isEmpty() ? null : write(command.warnings());
		String view = this.views.ofNewCase(newCase, stored, warnings)
			.orElseGet(() -> this.views.json(stored.caseNo(), warnings).orElseThrow());
		// the answer (and its replays) alone carries the access code: a GET never does
		String body = view.substring(0, view.lastIndexOf('}')) + ",\"accessCode\":\"" + accessCode + "\"}";
		if (key != null) {
			this.idempotency.complete(command.client().id(), key, stored.caseNo(), body);
		}
		log.info("Accepted application {} from {} for deceased {} ({} work items)", stored.caseNo(),
				command.client().id(), Masking.mask(form.deceased().idNumber()), plan.items().size());
		return new Answer(stored.caseNo(), body, false);
	}

	private List<NewCase.NewWorkItem> workItems(Plan plan) {
		List<NewCase.NewWorkItem> items = new ArrayList<>();
		for (Plan.PlannedItem p : plan.items()) {
			boolean offline = p.handling() == Plan.Handling.OFFLINE;
			items.add(new NewCase.NewWorkItem(p.type().name(), p.agency(), offline ? "OFFLINE_REQUIRED" : "PENDING",
					p.requested() != null, offline ? write(p.reason()) : null));
		}
		return items;
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
