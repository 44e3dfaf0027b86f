package cn.shanxi.lianban.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How each pretend agency behaves right now: up, down (refuses connections or answers
 * 503), slow (answers late) or refusing (answers every item REJECTED). Kept in memory for
 * the HTTP and SFTP servers, and in {@code agency_simulator.control} for the staging
 * table's trigger.
 */
public final class AgencyControl {

	/** What an agency does. */
	public enum Mode {

		UP, DOWN, REFUSE

	}

	record State(Mode mode, Duration delay) {
	}

	private static final State NORMAL = new State(Mode.UP, Duration.ZERO);

	private final Map<String, State> states = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	AgencyControl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	State of(String agency) {
		return this.states.getOrDefault(agency, NORMAL);
	}

	void set(String agency, Mode mode, Duration delay) {
		State state = new State(mode, delay);
		this.states.put(agency, state);
		this.jdbc.sql("""
				insert into agency_simulator.control (agency, mode, delay_ms) values (?, ?, ?)
				on conflict (agency) do update set mode = excluded.mode, delay_ms = excluded.delay_ms
				""").params(agency, mode.name(), (int) delay.toMillis()).update();
	}

	/** Waits as long as the agency is slow (the simulated agency's own time). */
	void delay(String agency) {
		Duration delay = of(agency).delay();
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
