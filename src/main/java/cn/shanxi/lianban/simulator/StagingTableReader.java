package cn.shanxi.lianban.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.Parsed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The housing fund centre reading its staging table (中间表): rows the hub inserted are read
 * with the centre's mapping (the hub's {@code housing-fund-withdrawal}), once each —
 * {@code FOR UPDATE SKIP LOCKED}, so two simulators never read one row. The centre's
 * answers (the status column) are issue 5's.
 */
final class StagingTableReader {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final MappingEngine engine;

	private final AgencyDesk desk;

	private final String agency;

	private final String mappingId;

	private final String table;

	StagingTableReader(JdbcTemplate jdbc, TransactionTemplate tx, MappingEngine engine, AgencyDesk desk, String agency,
			String mappingId, String table) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.engine = engine;
		this.desk = desk;
		this.agency = agency;
		this.mappingId = mappingId;
		this.table = table;
	}

	/** Reads the new rows; answers how many. */
	int readNewRows() {
		Integer n = this.tx.execute((status) -> {
			List<Map<String, Object>> rows = this.jdbc.queryForList(
					"select * from " + this.table + " where not checked order by id limit 1000 for update skip locked");
			if (rows.isEmpty()) {
				return 0;
			}
			List<Long> ids = new ArrayList<>();
			for (Map<String, Object> row : rows) {
				ids.add(((Number) row.remove("id")).longValue());
				row.remove("received_at");
				row.remove("checked");
			}
			Parsed parsed = this.engine.parseRows(this.mappingId, rows);
			this.desk.rows(this.agency, parsed);
			this.jdbc.update("update " + this.table + " set checked = true where id = any(?)",
					(Object) ids.toArray(Long[]::new));
			return rows.size();
		});
		return (n != null) ? n : 0;
	}

}
