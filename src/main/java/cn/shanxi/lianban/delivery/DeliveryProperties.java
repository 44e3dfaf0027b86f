package cn.shanxi.lianban.delivery;

import java.time.Duration;

import cn.shanxi.lianban.dispatch.AgencyProperties.Retry;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.delivery}: how the outbox is relayed to the agencies' routes.
 *
 * @param instanceId this hub instance's name in claims; give each instance its own,
 * stable one (a restarted instance takes back its own unfinished claims at once); empty =
 * a random one, whose claims another instance takes over when their lease ends
 * @param sender {@code message.sender} in the payloads: the hub's code at the agencies
 * @param lease how long a claimed message is this instance's to send; longer than any
 * transport timeout. A killed instance's claims are taken over after it.
 * @param inFlightPerThread messages claimed ahead per delivery thread of an agency
 * @param concurrency delivery threads per agency unless the agency says otherwise
 * @param answerMaxChars the longest transport answer kept in the message log
 * @param recorders threads writing delivery outcomes, in batches
 * @param retry the retry policy of agencies that do not set their own
 */
@ConfigurationProperties("lianban.delivery")
public record DeliveryProperties(String instanceId, String sender, Duration lease, Integer inFlightPerThread,
		Integer concurrency, Integer answerMaxChars, Integer recorders, Retry retry) {

	public DeliveryProperties {
		sender = (sender != null) ? sender : "SXLB";
		lease = (lease != null) ? lease : Duration.ofMinutes(2);
		inFlightPerThread = (inFlightPerThread != null) ? inFlightPerThread : 16;
		concurrency = (concurrency != null) ? concurrency : 4;
		answerMaxChars = (answerMaxChars != null) ? answerMaxChars : 2000;
		recorders = (recorders != null) ? recorders : 2;
		retry = new Retry(null, null, null, null, null).orElse(retry)
			.orElse(new Retry(8, Duration.ofSeconds(30), 2.0, Duration.ofHours(1), 0.2));
	}

}
