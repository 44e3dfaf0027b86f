package cn.shanxi.lianban.simulator.reply;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.simulator.replies}: how the pretend agencies answer what they received,
 * through the real reply transports (HTTP callbacks, result files on their SFTP server,
 * the staging table's status column).
 *
 * @param auto whether they answer on their own (the embedded default); tests switch them
 * on when they mean to ({@link SimulatedReplies#answering})
 * @param delay how long an agency takes before it answers
 * @param checkPeriod how often they look for something to answer
 * @param hubUrl the hub's base URL for callbacks; empty = this hub's own port
 * @param apiKeys agency → the AGENCY key it calls back with
 * @param outcomes work-item type → how it ends when not {@code DONE}: a status
 * ({@code REJECTED}, {@code OFFLINE_REQUIRED}) and the agency's reason
 * @param amounts work-item type → the amount an agency pays for it
 * @param account the (masked) account the agencies report paying to
 * @param resultsDirectory where in an agency's SFTP home it leaves its result files
 * @param funeralHomeKey the partner key the simulated funeral home reports cremations
 * with
 */
@ConfigurationProperties("lianban.simulator.replies")
public record SimulatedReplyProperties(boolean auto, Duration delay, Duration checkPeriod, String hubUrl,
		Map<String, String> apiKeys, Map<String, Outcome> outcomes, Map<String, BigDecimal> amounts, String account,
		String resultsDirectory, String funeralHomeKey) {

	public SimulatedReplyProperties {
		delay = (delay != null) ? delay : Duration.ofSeconds(3);
		checkPeriod = (checkPeriod != null) ? checkPeriod : Duration.ofSeconds(1);
		apiKeys = (apiKeys != null) ? Map.copyOf(apiKeys) : Map.of();
		outcomes = (outcomes != null) ? Map.copyOf(outcomes) : Map.of();
		amounts = (amounts != null) ? Map.copyOf(amounts) : Map.of();
		account = (account != null) ? account : "6212***********0005";
		resultsDirectory = (resultsDirectory != null) ? resultsDirectory : "results";
		funeralHomeKey = (funeralHomeKey != null) ? funeralHomeKey : "";
	}

	/** How an item ends at its agency, when not {@code DONE}. */
	public record Outcome(String status, String reason) {
	}

}
