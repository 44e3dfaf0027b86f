package cn.shanxi.lianban;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class LianbanApplicationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void startsOnAFreshDatabaseOfItsOwnWithTheSchemaMigrated() {
		String database = this.jdbc.sql("select current_database()").query(String.class).single();
		assertThat(database).startsWith("lianban_test_");
		// other test classes share this run's database, so it need not be empty by now
		Integer failed = this.jdbc.sql("select count(*) from flyway_schema_history where not success")
			.query(Integer.class)
			.single();
		assertThat(failed).isZero();
		assertThat(this.jdbc.sql("select count(*) from case_file").query(Integer.class).single()).isNotNegative();
	}

}
