package cn.shanxi.lianban.notification;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The SMS texts, from {@code lianban.notifications.sms.templates}, checked at start-up: a
 * misspelt placeholder would otherwise reach a family as "{caseNo}".
 */
@Component
class SmsTemplates {

	private static final Logger log = LoggerFactory.getLogger(SmsTemplates.class);

	/** What a template may say. */
	static final Set<String> PLACEHOLDERS = Set.of("caseNo", "deceasedName", "item", "agency", "payment", "reason",
			"bring", "windowItems", "windowCount", "accessCode");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	private final Map<SmsEvent, String> templates;

	SmsTemplates(NotificationProperties properties) {
		this.templates = properties.sms().templates();
		Set<String> problems = new TreeSet<>();
		this.templates.forEach((event, text) -> {
			Matcher m = PLACEHOLDER.matcher(text);
			while (m.find()) {
				if (!PLACEHOLDERS.contains(m.group(1))) {
					problems.add(event + ": unknown placeholder {" + m.group(1) + "}");
				}
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalStateException("lianban.notifications.sms.templates: " + problems
					+ " (短信模板中有未知占位符), known: " + new TreeSet<>(PLACEHOLDERS));
		}
		for (SmsEvent event : SmsEvent.values()) {
			if (!this.templates.containsKey(event) || this.templates.get(event).isBlank()) {
				log.info("No SMS template for {}: families are not told of it (未配置短信模板)", event);
			}
		}
	}

	/** The text for {@code event}, or empty when the event is not told. */
	Optional<String> render(SmsEvent event, Map<String, String> values) {
		String template = this.templates.get(event);
		if (template == null || template.isBlank()) {
			return Optional.empty();
		}
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (m.find()) {
			String value = values.get(m.group(1));
			m.appendReplacement(text, Matcher.quoteReplacement((value != null) ? value : ""));
		}
		m.appendTail(text);
		return Optional.of(text.toString().trim());
	}

}
