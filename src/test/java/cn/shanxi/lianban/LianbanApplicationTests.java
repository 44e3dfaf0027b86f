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
		Integer cases = this.jdbc.sql("select count(*) from case_file").query(Integer.class).single();
		assertThat(cases).isZero();
	}

}
