package cn.shanxi.lianban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The hub's clock in tests: system time until a test sets it, then standing still where
 * it was set until moved on. Every test context has it (a plain {@code @Configuration}
 * that the application's component scan finds on the test class path), so tests that move
 * time share the context of all the others; a test that sets it resets it when done.
 */
public final class TestClock extends Clock {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final AtomicReference<Instant> fixed;

	private final ZoneId zone;

	public TestClock() {
		this(new AtomicReference<>(), CHINA);
	}

	private TestClock(AtomicReference<Instant> fixed, ZoneId zone) {
		this.fixed = fixed;
		this.zone = zone;
	}

	/** Stands the clock still at {@code instant}. */
	public void setTo(Instant instant) {
		this.fixed.set(instant);
	}

	/** Moves the standing clock on (from now, if it was running). */
	public void advance(Duration duration) {
		this.fixed.set(instant().plus(duration));
	}

	/** Back to system time. */
	public void reset() {
		this.fixed.set(null);
	}

	@Override
	public Instant instant() {
		Instant at = this.fixed.get();
		return (at != null) ? at : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new TestClock(this.fixed, zone);
	}

	/** Puts the test clock in place of the hub's. */
	@Configuration(proxyBeanMethods = false)
	static class TestClockConfiguration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
