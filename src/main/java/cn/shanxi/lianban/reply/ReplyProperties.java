package cn.shanxi.lianban.reply;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.replies}: how the agencies' replies are read.
 *
 * @param mappings agency code → the mapping its replies are read with (HTTP callbacks,
 * result files, staging rows)
 * @param offlineReasons words in an agency's reason → the offline reason code
 * ({@code status.OfflineReason}) they stand for, tried in order; the agencies' formats
 * carry no code of their own
 */
@ConfigurationProperties("lianban.replies")
public record ReplyProperties(Map<String, String> mappings, Map<String, String> offlineReasons) {

	public ReplyProperties {
		mappings = (mappings != null) ? Map.copyOf(mappings) : Map.of();
		offlineReasons = (offlineReasons != null) ? new LinkedHashMap<>(offlineReasons) : Map.of();
	}

}
