package cn.shanxi.lianban.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start-up what in the database server's settings would hurt the hub over time.
 * The outbox, the work items and the notifications are updated many times a row: without
 * autovacuum their dead rows stay, every claim of the relay walks them, and the planner
 * has no statistics of the tables as they grow.
 */
@Component
class DatabaseServerCheck {

	private static final Logger log = LoggerFactory.getLogger(DatabaseServerCheck.class);

	private final JdbcClient jdbc;

	DatabaseServerCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		String autovacuum = this.jdbc.sql("select current_setting('autovacuum')").query(String.class).single();
		if ("off".equals(autovacuum)) {
			log.warn("PostgreSQL runs with autovacuum = off: the outbox and work tables will fill with dead rows and"
					+ " slow down. Turn it on for a hub that runs for more than a test"
					+ " (数据库未开启自动清理 autovacuum，发件箱等表会不断膨胀变慢，请开启)");
		}
	}

}
