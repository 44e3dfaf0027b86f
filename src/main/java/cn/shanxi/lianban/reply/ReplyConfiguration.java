package cn.shanxi.lianban.reply;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agencies' result files read, by agency, name and size, in Camel's JDBC idempotent
 * repository ({@code camel_messageprocessed}, processor {@code agency-reply-files}):
 * shared by every hub instance, so a file is read once however many poll it.
 */
@Configuration(proxyBeanMethods = false)
class ReplyConfiguration {

	@Bean
	JdbcMessageIdRepository agencyReplyFilesRead(DataSource dataSource) {
		JdbcMessageIdRepository read = new JdbcMessageIdRepository(dataSource, "agency-reply-files");
		read.setCreateTableIfNotExists(false);
		return read;
	}

}
