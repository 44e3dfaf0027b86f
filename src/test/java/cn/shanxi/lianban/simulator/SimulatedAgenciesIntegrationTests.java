package cn.shanxi.lianban.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.CaseFlow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated agencies read what they get with the hub's own mapping: a byte out of
 * place is refused, so a mapping bug shows in the tests, not at the agency.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatedAgenciesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SimulatedAgencies agencies;

	@Autowired
	ProducerTemplate producer;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aFixedWidthFileWithOneByteOutOfPlaceIsRefusedAtItsRenameAndTheIntactFileIsTaken() throws Exception {
		CaseFlow flow = new CaseFlow(this.context, this.port);
		ObjectNode form = CaseFlow.form("HUKOU_CANCELLATION");
		String caseNo = flow.apply(form);
		flow.certify(form);
		flow.awaitSettled(caseNo, Duration.ofSeconds(60));
		byte[] file = this.jdbc.sql("""
				select b.payload from outbox_batch b join outbox_message m on m.batch_id = b.id where m.dedup_key = ?
				""").param(caseNo + "-HUKOU_CANCELLATION").query(byte[].class).single();
		// the trailer's record count, one digit off
		String text = new String(file, StandardCharsets.ISO_8859_1);
		int trailer = text.lastIndexOf("\r\nT") + 3;
		byte[] wrong = file.clone();
		wrong[trailer + 5] = (byte) (wrong[trailer + 5] + 1);

		assertThat(upload("HZZX_WRONG.txt", wrong).getException()).hasMessageContaining("HZZX_WRONG.txt");
		assertThat(this.agencies.received().rejectedBy("POLICE_HUKOU"))
			.anySatisfy((r) -> assertThat(r.fileName()).isEqualTo("HZZX_WRONG.txt"));
		assertThat(Files.exists(this.agencies.sftpRoot().resolve("lianban-hukou/inbox/HZZX_WRONG.txt"))).isFalse();

		assertThat(upload("HZZX_AGAIN.txt", file).getException()).isNull();
		assertThat(this.agencies.received().withKey(caseNo + "-HUKOU_CANCELLATION")).singleElement()
			.satisfies((r) -> assertThat(r.repeats()).as("the same record again: recognised").isEqualTo(1));
	}

	@Test
	void receiptsWrittenTogetherCountARepeatOnceAndOnlyForItsSecondMessage() {
		String key = "SX20990102" + System.nanoTime() % 1_000_000;
		Timestamp at = Timestamp.from(Instant.now());
		try (ReceiptWriter writer = new ReceiptWriter(this.jdbc)) {
			ReceiptWriter.Receipt first = new ReceiptWriter.Receipt("HRSS", "HTTP", null, "m1", "sha",
					List.of(key + "-PENSION_SETTLEMENT"));
			ReceiptWriter.Receipt other = new ReceiptWriter.Receipt("HRSS", "HTTP", null, "m2", "sha",
					List.of(key + "-HARDSHIP_ALLOWANCE_STOP"));
			ReceiptWriter.Receipt file = new ReceiptWriter.Receipt("CIVIL_AFFAIRS", "SFTP", "f.csv", null, "sha",
					List.of(key + "-A", key + "-B", key + "-A"));

			// the same message twice in one statement: the second is the repeat
			assertThat(writer.writeTogether(List.of(first, other, first, file), at)).containsExactly(0, 0, 1, 1);
			// and once more on its own, as the desk's threads write
			assertThat(writer.write(first, at)).isEqualTo(1);
		}
		assertThat(this.agencies.received().withKey(key + "-PENSION_SETTLEMENT")).singleElement()
			.satisfies((r) -> assertThat(r.repeats()).isEqualTo(2));
		assertThat(this.agencies.received().withKey(key + "-A")).singleElement()
			.satisfies((r) -> assertThat(r.repeats()).isEqualTo(1));
		assertThat(this.agencies.received().withKey(key + "-B")).singleElement()
			.satisfies((r) -> assertThat(r.repeats()).isZero());
	}

	@Test
	void aStagingRowThatDoesNotReadAsTheMappingIsRefusedByTheHousingFundCentre() {
		this.jdbc.sql("""
				insert into housing_fund_centre.lb_gjj_tqsq (ref_no, case_no, name, id_no, deposit_place, pay_account,
				  death_date, applicant_name, applicant_id_no, status, created_at)
				values ('SX20990101999999-HOUSING_FUND_WITHDRAWAL', 'SX20990101999999', '李大山', '14010519500101001',
				  '太原市', '6212260502000000005', date '2026-11-27', '李明', '140105198501010018', '0', now())
				""").update();
		this.agencies.readStagingTables();
		assertThat(this.agencies.received().rejectedBy("HOUSING_FUND"))
			.anySatisfy((r) -> assertThat(r.errors()).contains("id_no"));
		assertThat(this.agencies.received().withKey("SX20990101999999-HOUSING_FUND_WITHDRAWAL")).isEmpty();
	}

	private Exchange upload(String name, byte[] content) {
		return this.producer.send("sftp:127.0.0.1:" + this.agencies.sftpPort()
				+ "/inbox?username=lianban-hukou&password=demo-hukou-sftp&tempFileName=$simple{file:onlyname}.part"
				+ "&strictHostKeyChecking=no&useUserKnownHostsFile=false&binary=true", (e) -> {
					e.getIn().setBody(content);
					e.getIn().setHeader(Exchange.FILE_NAME, name);
				});
	}

}
