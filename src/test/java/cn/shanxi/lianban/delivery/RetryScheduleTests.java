package cn.shanxi.lianban.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.dispatch.AgencyProperties.Retry;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	final Retry policy = new Retry(5, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5), 0.2);

	@Test
	void theWaitDoublesAfterEachFailureUpToTheLongestWait() {
		assertThat(RetrySchedule.delay(this.policy, 1, 0.5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetrySchedule.delay(this.policy, 2, 0.5)).isEqualTo(Duration.ofSeconds(60));
		assertThat(RetrySchedule.delay(this.policy, 3, 0.5)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetrySchedule.delay(this.policy, 4, 0.5)).isEqualTo(Duration.ofSeconds(240));
		assertThat(RetrySchedule.delay(this.policy, 5, 0.5)).isEqualTo(Duration.ofMinutes(5));
		assertThat(RetrySchedule.delay(this.policy, 30, 0.5)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void jitterSpreadsTheWaitByTheDeclaredShareEitherWay() {
		assertThat(RetrySchedule.delay(this.policy, 2, 0.0)).isEqualTo(Duration.ofSeconds(48));
		assertThat(RetrySchedule.delay(this.policy, 2, 1.0)).isEqualTo(Duration.ofSeconds(72));
		assertThat(RetrySchedule.delay(this.policy, 2, 0.25)).isEqualTo(Duration.ofSeconds(54));
	}

	@Test
	void aMessageIsParkedWhenItHasHadAllItsAttempts() {
		assertThat(RetrySchedule.exhausted(this.policy, 4)).isFalse();
		assertThat(RetrySchedule.exhausted(this.policy, 5)).isTrue();
	}

	@Test
	void anAgencysOwnPolicyTakesItsMissingValuesFromTheDefaults() {
		Retry own = new Retry(null, Duration.ofMinutes(1), null, Duration.ofHours(2), null);
		assertThat(own.orElse(this.policy))
			.isEqualTo(new Retry(5, Duration.ofMinutes(1), 2.0, Duration.ofHours(2), 0.2));
	}

	@Test
	void aClientErrorRefusesTheMessageItselfExceptTimeoutsAndTooManyRequests() {
		assertThat(DeliveryOutcomes.refusal(400)).isTrue();
		assertThat(DeliveryOutcomes.refusal(422)).isTrue();
		assertThat(DeliveryOutcomes.refusal(408)).isFalse();
		assertThat(DeliveryOutcomes.refusal(429)).isFalse();
		assertThat(DeliveryOutcomes.refusal(503)).isFalse();
		assertThat(DeliveryOutcomes.refusal(500)).isFalse();
	}

}
