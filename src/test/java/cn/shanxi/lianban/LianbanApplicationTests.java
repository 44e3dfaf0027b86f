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
		// other test classes of the run may have stored cases already: the schema is what
		// every run starts from
		assertThat(this.jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list()).startsWith("1").doesNotHaveDuplicates();
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where not success")
			.query(Integer.class)
			.single()).isZero();
	}

}
