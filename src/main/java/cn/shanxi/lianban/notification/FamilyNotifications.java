package cn.shanxi.lianban.notification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.casefile.ApplicationAccepted;
import cn.shanxi.lianban.casefile.CaseMayProceed;
import cn.shanxi.lianban.casefile.CaseStatus;
import cn.shanxi.lianban.casefile.WorkItemChanged;
import cn.shanxi.lianban.casefile.WorkItemStatus;
import cn.shanxi.lianban.dispatch.WorkItemType;
import cn.shanxi.lianban.notification.NotificationOutbox.Channel;
import cn.shanxi.lianban.status.AgencyNames;
import cn.shanxi.lianban.status.CaseCompleted;
import cn.shanxi.lianban.status.OfflineReason;
import cn.shanxi.lianban.support.Masking;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the family by SMS: writes the message into the notification outbox in the
 * transaction of the event, once per case, event and item (the outbox's unique key), so a
 * repeated event never texts twice and a failing gateway never holds up the case.
 */
@Component
class FamilyNotifications {

	private static final Logger log = LoggerFactory.getLogger(FamilyNotifications.class);

	/** Mainland mobiles; a landline cannot receive an SMS. */
	private static final Pattern MOBILE = Pattern.compile("(\\+86)?1[3-9]\\d{9}");

	private final JdbcClient jdbc;

	private final NotificationOutbox outbox;

	private final SmsTemplates templates;

	private final ObjectMapper json;

	FamilyNotifications(JdbcClient jdbc, NotificationOutbox outbox, SmsTemplates templates, ObjectMapper json) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.templates = templates;
		this.json = json;
	}

	private record Contact(String caseNo, CaseStatus status, String deceasedName, String phone) {
	}

	/**
	 * At the end of the accepting transaction, when the certificate matching has run: the
	 * family hears that the case is received and, if so, that it waits for the
	 * certificate.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void accepted(ApplicationAccepted accepted) {
		Contact c = new Contact(accepted.caseNo(), CaseStatus.AWAITING_CERTIFICATE, accepted.deceasedName(),
				accepted.applicantPhone());
		List<NotificationOutbox.Entry> messages = new ArrayList<>();
		render(SmsEvent.CASE_RECEIVED, c, Map.of("accessCode", accessCode(accepted))).ifPresent(
				(text) -> messages.add(new NotificationOutbox.Entry(null, SmsEvent.CASE_RECEIVED.name(), null, text)));
		// the matching may have found the certificate already: then there is nothing
		// to wait for, and the outbox row is written only if the case still waits
		render(SmsEvent.AWAITING_CERTIFICATE, c, Map.of())
			.ifPresent((text) -> messages.add(new NotificationOutbox.Entry(null, SmsEvent.AWAITING_CERTIFICATE.name(),
					null, text, CaseStatus.AWAITING_CERTIFICATE.name())));
		this.outbox.enqueueAll(Channel.SMS, accepted.caseId(), messages);
	}

	private static String accessCode(ApplicationAccepted accepted) {
		return (accepted.accessCode() != null) ? accepted.accessCode() : "";
	}

	/**
	 * Eligible: the items the rules sent to the window at acceptance are told now, with
	 * what to bring.
	 */
	@EventListener
	void mayProceed(CaseMayProceed proceed) {
		List<Object[]> offline = this.jdbc
			.sql("select id, type, agency, reason::text from work_item where case_id = ? and status = ? order by id")
			.params(proceed.caseId(), WorkItemStatus.OFFLINE_REQUIRED.name())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		// most cases have none: then the family's contact is not read either
		Optional<Contact> contact = offline.isEmpty() ? Optional.empty() : contact(proceed.caseId());
		if (contact.isEmpty()) {
			return;
		}
		offline.forEach((row) -> send(proceed.caseId(), (Long) row[0], SmsEvent.ITEM_OFFLINE, contact.get(),
				itemValues((String) row[1], (String) row[2], (String) row[3], null, null)));
	}

	@EventListener
	void itemChanged(WorkItemChanged changed) {
		SmsEvent event = switch (changed.to()) {
			case DONE -> SmsEvent.ITEM_DONE;
			case OFFLINE_REQUIRED -> SmsEvent.ITEM_OFFLINE;
			case REJECTED -> SmsEvent.ITEM_REJECTED;
			default -> null;
		};
		if (event == null) {
			return;
		}
		Optional<Contact> contact = contact(changed.caseId());
		if (contact.isEmpty()) {
			return;
		}
		Map<String, String> values = this.jdbc
			.sql("select reason::text, amount, paid_to_account from work_item where id = ?")
			.param(changed.workItemId())
			.query((rs, n) -> itemValues(changed.type(), changed.agency(), rs.getString(1), rs.getBigDecimal(2),
					rs.getString(3)))
			.single();
		send(changed.caseId(), changed.workItemId(), event, contact.get(), values);
	}

	/** 办结告知. */
	@EventListener
	void completed(CaseCompleted completed) {
		contact(completed.caseId()).ifPresent((c) -> {
			List<String> window = this.jdbc.sql(
					"select type from work_item where case_id = ? and status in ('OFFLINE_REQUIRED', 'REJECTED') order by id")
				.param(completed.caseId())
				.query((rs, n) -> itemName(rs.getString(1)))
				.list();
			SmsEvent event = (completed.status() == CaseStatus.COMPLETED) ? SmsEvent.CASE_COMPLETED
					: SmsEvent.CASE_COMPLETED_PARTIALLY;
			send(completed.caseId(), null, event, c,
					Map.of("windowItems", String.join("、", window), "windowCount", String.valueOf(window.size())));
		});
	}

	private void send(long caseId, Long workItemId, SmsEvent event, Contact contact, Map<String, String> values) {
		render(event, contact, values)
			.ifPresent((text) -> this.outbox.enqueue(Channel.SMS, caseId, workItemId, event.name(), null, text));
	}

	/** The text, or empty when the event is not told or the phone takes no SMS. */
	private Optional<String> render(SmsEvent event, Contact contact, Map<String, String> values) {
		if (!MOBILE.matcher(contact.phone().replace(" ", "")).matches()) {
			log.info("Case {}: no SMS for {}, {} is not a mobile number", contact.caseNo(), event,
					Masking.mask(contact.phone()));
			return Optional.empty();
		}
		Map<String, String> all = new HashMap<>(values);
		all.put("caseNo", contact.caseNo());
		all.put("deceasedName", contact.deceasedName());
		return this.templates.render(event, all);
	}

	private Optional<Contact> contact(long caseId) {
		return this.jdbc.sql("select case_no, status, deceased_name, applicant_phone from case_file where id = ?")
			.param(caseId)
			.query((rs, n) -> new Contact(rs.getString(1), CaseStatus.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4)))
			.optional();
	}

	private Map<String, String> itemValues(String type, String agency, String reasonJson, BigDecimal amount,
			String account) {
		Map<String, String> values = new HashMap<>();
		values.put("item", itemName(type));
		values.put("agency", AgencyNames.zh(agency));
		JsonNode reason = read(reasonJson);
		String code = reason.path("code").asText(null);
		String rule = reason.path("rule").asText(null);
		OfflineReason offline = (code != null) ? OfflineReason.of(code) : OfflineReason.ofRule(rule).orElse(null);
		values.put("reason", reason.path("zh").asText(""));
		values.put("bring", (offline != null) ? offline.bringZh() : "申请人及死亡人员身份证件、关系证明");
		if (amount != null) {
			String tail = (account != null && account.length() >= 4)
					? "（尾号" + account.substring(account.length() - 4) + "）" : "";
			values.put("payment", "款项" + amount.toPlainString() + "元已发放至死亡人员账户" + tail + "。");
		}
		return values;
	}

	private static String itemName(String type) {
		try {
			return WorkItemType.valueOf(type).zh();
		}
		catch (IllegalArgumentException ex) {
			return type;
		}
	}

	private JsonNode read(String text) {
		try {
			return (text != null) ? this.json.readTree(text) : this.json.createObjectNode();
		}
		catch (java.io.IOException ex) {
			return this.json.createObjectNode();
		}
	}

}
