package cn.shanxi.lianban.delivery;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Does autovacuum's job for a benchmark on a server that runs without it (this machine's
 * PostgreSQL has {@code autovacuum = off}, for its tests): every 15 s, the tables of this
 * database past autovacuum's default thresholds are vacuumed or analysed. Without it the
 * outbox's due index fills with the entries of delivered messages, every claim walks
 * them, and the planner never has statistics of tables created during the run, so the
 * costs per case grow with the run instead of staying what a served database's are.
 */
final class AutovacuumStandIn implements AutoCloseable {

	private static final String DUE = """
			select format('%I.%I', schemaname, relname),
			  n_dead_tup > 50 + 0.2 * n_live_tup
			from pg_stat_user_tables
			where n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup
			""";

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "autovacuum-stand-in");
		thread.setDaemon(true);
		return thread;
	});

	private final JdbcClient jdbc;

	private final AtomicInteger vacuums = new AtomicInteger();

	private final AtomicInteger analyses = new AtomicInteger();

	private AutovacuumStandIn(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.timer.scheduleWithFixedDelay(this::pass, 15, 15, TimeUnit.SECONDS);
	}

	/** Starts where the server's autovacuum is off; otherwise answers null. */
	static AutovacuumStandIn startIfOff(JdbcClient jdbc) {
		String setting = jdbc.sql("select current_setting('autovacuum')").query(String.class).single();
		if (!"off".equals(setting)) {
			return null;
		}
		System.out.println("autovacuum : off on this server; the benchmark vacuums and analyses the tables past"
				+ " autovacuum's default thresholds every 15 s, as the server would");
		return new AutovacuumStandIn(jdbc);
	}

	private void pass() {
		try {
			List<Object[]> due = this.jdbc.sql(DUE)
				.query((rs, n) -> new Object[] { rs.getString(1), rs.getBoolean(2) })
				.list();
			for (Object[] table : due) {
				boolean vacuum = (Boolean) table[1];
				this.jdbc.sql((vacuum ? "vacuum (analyze) " : "analyze ") + table[0]).update();
				(vacuum ? this.vacuums : this.analyses).incrementAndGet();
			}
		}
		catch (RuntimeException ex) {
			// the next pass tries again (when the hub is stopping, there is none)
			System.err.println("autovacuum stand-in: " + ex.getMessage());
		}
	}

	String done() {
		return this.vacuums.get() + " vacuums, " + this.analyses.get() + " analyses";
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
