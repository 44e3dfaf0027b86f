package cn.shanxi.lianban.reply;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.Rendered;
import cn.shanxi.lianban.simulator.SimulatedAgencies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Result files on the agencies' SFTP server (the simulated one, over real SFTP): the
 * police household's fixed-width GB18030 file and civil affairs' GBK CSV are fetched,
 * each line that reads applied, a line that does not kept and reported, the file
 * archived, and a file read once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplyFilesIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MappingEngine engine;

	@Autowired
	SimulatedAgencies agencies;

	@LocalServerPort
	int port;

	@Value("${lianban.replies.files.directory}")
	String resultsFolder;

	CaseFlow flow;

	@BeforeEach
	void setUp() {
		this.flow = new CaseFlow(this.context, this.port);
	}

	@Test
	void aHukouResultFileWithAGoodAndABadLineAppliesTheGoodReportsTheBadArchivesTheFileAndIsReadOnce()
			throws Exception {
		String good = sentCase("HUKOU_CANCELLATION");
		String bad = sentCase("HUKOU_CANCELLATION");
		Rendered rendered = this.engine.render("police-hukou-result",
				List.of(hukou(good + "-HUKOU_CANCELLATION", "DONE"), hukou(bad + "-HUKOU_CANCELLATION", "DONE")),
				JSON.createObjectNode()
					.put("fileId", "T" + System.nanoTime())
					.put("createdAt", "2026-11-30T09:00:00+08:00")
					.put("count", 2));
		// the second record's result code broken: 9 is no code of the police's table
		String text = rendered.text();
		String[] lines = text.split("\r\n", -1);
		int at = 1 + 64;
		lines[2] = lines[2].substring(0, at) + "9" + lines[2].substring(at + 1);
		byte[] content = String.join("\r\n", lines).getBytes(Charset.forName("GB18030"));
		Path results = results("lianban-hukou");
		drop(results, rendered.fileName(), content);

		await().atMost(DEADLINE).until(() -> "DONE".equals(this.flow.itemStatus(good, "HUKOU_CANCELLATION")));
		await().atMost(DEADLINE).until(() -> !Files.exists(results.resolve(rendered.fileName())));
		assertThat(this.flow.itemStatus(bad, "HUKOU_CANCELLATION")).isEqualTo("SENT");
		assertThat(anomalies(bad + "-HUKOU_CANCELLATION")).containsExactly("UNREADABLE");
		assertThat(events(bad)).contains("REPLY_NOT_APPLIED");
		try (Stream<Path> archived = Files.walk(results.resolve("archive"))) {
			assertThat(archived.map((p) -> p.getFileName().toString())).contains(rendered.fileName());
		}

		// the same file again: not read a second time
		drop(results, rendered.fileName(), content);
		String next = sentCase("HUKOU_CANCELLATION");
		Rendered other = this.engine.render("police-hukou-result", List.of(hukou(next + "-HUKOU_CANCELLATION", "DONE")),
				JSON.createObjectNode()
					.put("fileId", "T" + System.nanoTime())
					.put("createdAt", "2026-11-30T09:00:00+08:00")
					.put("count", 1));
		drop(results, other.fileName(), other.bytes());
		await().atMost(DEADLINE).until(() -> "DONE".equals(this.flow.itemStatus(next, "HUKOU_CANCELLATION")));
		assertThat(anomalies(bad + "-HUKOU_CANCELLATION")).containsExactly("UNREADABLE");
		assertThat(anomalies(good + "-HUKOU_CANCELLATION")).isEmpty();
		assertThat(Files.exists(results.resolve(rendered.fileName()))).isTrue();
	}

	@Test
	void aCivilAffairsGbkCsvResultFileIsApplied() throws Exception {
		String caseNo = sentCase("HUKOU_CANCELLATION");
		String reference = caseNo + "-ELDERLY_SUBSIDY_STOP";
		String csv = "业务流水号,处理结果,停发年月,应追回金额,说明,办理日期\r\n" + reference + ",3,,0.00,\"核查发现多发待遇,需到窗口\",2026-11-30\r\n";
		Path results = results("lianban-civil");
		String name = "MZJG_T" + System.nanoTime() + ".csv";
		drop(results, name, csv.getBytes(Charset.forName("GBK")));
		await().atMost(DEADLINE)
			.until(() -> "OFFLINE_REQUIRED".equals(this.flow.itemStatus(caseNo, "ELDERLY_SUBSIDY_STOP")));
		String reason = this.jdbc.sql("""
				select w.reason::text from work_item w join case_file c on c.id = w.case_id
				where c.case_no = ? and w.type = 'ELDERLY_SUBSIDY_STOP'
				""").param(caseNo).query(String.class).single();
		assertThat(reason).contains("PENSION_OVERPAID").contains("核查发现多发待遇");
	}

	/** A case whose items (and the benefit stop of the example form) were delivered. */
	private String sentCase(String item) {
		ObjectNode form = CaseFlow.form(item);
		String caseNo = this.flow.apply(form);
		this.flow.certify(form);
		this.flow.awaitSettled(caseNo, DEADLINE);
		return caseNo;
	}

	private static ObjectNode hukou(String reference, String status) {
		ObjectNode record = JSON.createObjectNode();
		record.putObject("reply")
			.put("reference", reference)
			.put("status", status)
			.put("reason", "已办理死亡注销")
			.put("processedAt", "2026-11-30T09:00:00+08:00")
			.put("office", "太原市公安局小店分局坞城派出所");
		return record;
	}

	private Path results(String account) throws Exception {
		Path results = this.agencies.sftpRoot().resolve(account).resolve(this.resultsFolder);
		Files.createDirectories(results);
		return results;
	}

	/** As the agency does: written under a temporary name, then renamed. */
	private static void drop(Path folder, String name, byte[] content) throws Exception {
		Path temp = folder.resolve(name + ".tmp");
		Files.write(temp, content);
		Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	private List<String> anomalies(String reference) {
		return this.jdbc.sql("select kind from reply_anomaly where reference = ? order by id")
			.param(reference)
			.query(String.class)
			.list();
	}

	private List<String> events(String caseNo) {
		return this.jdbc.sql("""
				select e.type from case_event e join case_file c on c.id = e.case_id where c.case_no = ? order by e.id
				""").param(caseNo).query(String.class).list();
	}

}
