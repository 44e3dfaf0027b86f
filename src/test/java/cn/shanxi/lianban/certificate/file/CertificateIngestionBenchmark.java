package cn.shanxi.lianban.certificate.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.stream.Stream;

import cn.shanxi.lianban.LianbanApplication;
import cn.shanxi.lianban.MachineSpeed;
import cn.shanxi.lianban.certificate.CertificateIngestion;
import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerRegistry;
import cn.shanxi.lianban.support.IdNumbers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (it is not run by {@code ./mvnw verify}): generates a death
 * certificate CSV of 100,000 records (GB18030, the demo hospital SXPH's format) and takes
 * it in end to end — charset check and hash, streaming parse, validation, storing in
 * PostgreSQL, the receipt written — printing records per second.
 *
 * <p>
 * Run: {@code scripts/benchmark-certificates.sh [records]} (uses this run's own fresh
 * database on the local PostgreSQL, like the tests). Three files of new records are taken
 * in one after the other ({@code -Dbenchmark.rounds}); the first one's figure includes
 * the JIT compiler warming up, the last is the steady state.
 */
public final class CertificateIngestionBenchmark {

	/**
	 * This run's database: its backends' CPU is told apart from the rest of the server.
	 */
	private static String database = "";

	private CertificateIngestionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int records = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		System.out.println(MachineSpeed.describe());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LianbanApplication.class)
			.properties("server.port=0")
			.run()) {
			PartnerFiles files = context.getBean(PartnerFiles.class);
			String url = context.getEnvironment().getProperty("spring.datasource.url", "");
			database = url.substring(url.lastIndexOf('/') + 1);
			Partner hospital = context.getBean(PartnerRegistry.class).find("SXPH").orElseThrow();
			Path dir = Files.createTempDirectory("lianban-benchmark-");
			int rounds = Integer.getInteger("benchmark.rounds", 3);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			boolean statements = Boolean.getBoolean("benchmark.statements");
			if (statements) {
				jdbc.sql("create extension if not exists pg_stat_statements").update();
			}
			// every file written before the first is taken in: the JIT compiler is
			// then not still busy with the generator while a round is timed
			for (int round = 1; round <= rounds; round++) {
				generate(dir.resolve("benchmark-" + round + ".csv"), hospital.fileCharset(), records, round * records);
			}
			for (int round = 1; round <= rounds; round++) {
				if (statements) {
					jdbc.sql("select pg_stat_statements_reset()").query().singleRow();
				}
				run(files, hospital, dir, "benchmark-" + round + ".csv", records);
				if (statements) {
					statements(jdbc, records);
				}
			}
			if (Boolean.getBoolean("benchmark.threads")) {
				threadCpu();
			}
		}
	}

	private static void run(PartnerFiles files, Partner hospital, Path dir, String name, int records)
			throws IOException {
		Path file = dir.resolve(name);
		Path receipt = dir.resolve(name + ".receipt.csv");
		long jvmCpu = jvmCpuNanos();
		long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
		long gc = gcMillis();
		long[] pgCpu = postgresCpuTicks();
		long start = System.nanoTime();
		CertificateIngestion.Result result = files.ingest(hospital, Channel.DROPBOX, name, file, receipt);
		double seconds = (System.nanoTime() - start) / 1e9;
		double jvmSeconds = (jvmCpuNanos() - jvmCpu) / 1e9;
		long[] pgAfter = postgresCpuTicks();
		double pgSeconds = (pgAfter[0] - pgCpu[0]) / 100.0;
		double pgOwn = (pgAfter[1] - pgCpu[1]) / 100.0;
		double pgShared = (pgAfter[2] - pgCpu[2]) / 100.0;
		System.out.printf("%s: %,d records (%,d bytes) in %.2f s = %,.0f records/s; accepted %,d, receipt %,d bytes%n",
				name, records, Files.size(file), seconds, records / seconds, result.counts().accepted(),
				Files.size(receipt));
		System.out.printf("  CPU used: hub JVM %.2f s, PostgreSQL %.2f s (load average now %.1f on %d cores)%n",
				jvmSeconds, pgSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors());
		System.out.printf("  of the hub's: JIT compiler %d ms, garbage collector %d ms (elapsed, not CPU)%n",
				ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling, gcMillis() - gc);
		System.out.printf(
				"  per 1,000 records: hub JVM %.0f ms, PostgreSQL backends of this database %.0f ms, server's own"
						+ " processes (WAL writer, checkpointer…) %.0f ms; all PostgreSQL processes incl. other"
						+ " people's %.0f ms%n",
				jvmSeconds * 1e6 / records, pgOwn * 1e6 / records, pgShared * 1e6 / records, pgSeconds * 1e6 / records);
	}

	/**
	 * What the statements of this database cost in PostgreSQL (pg_stat_statements, loaded
	 * on our machines' server), per 1,000 records.
	 */
	private static void statements(JdbcClient jdbc, int records) {
		jdbc.sql("""
				select calls, total_exec_time, wal_bytes, left(regexp_replace(query, '\\s+', ' ', 'g'), 90)
				from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
				order by total_exec_time desc limit 8
				""").query((rs) -> {
			System.out.printf("    %6d calls %7.1f ms/1000 records %6.0f WAL bytes/record  %s%n", rs.getLong(1),
					rs.getDouble(2) * 1000 / records, rs.getDouble(3) / records, rs.getString(4));
		});
	}

	/** Where the hub's CPU went, by thread (the rest is GC and the JIT compiler). */
	private static void threadCpu() {
		var threads = ManagementFactory.getThreadMXBean();
		java.util.Map<String, Long> byName = new java.util.TreeMap<>();
		long total = 0;
		for (long id : threads.getAllThreadIds()) {
			var info = threads.getThreadInfo(id);
			long cpu = threads.getThreadCpuTime(id);
			if (info != null && cpu > 0) {
				byName.merge(info.getThreadName().replaceAll("\\d+", "#"), cpu, Long::sum);
				total += cpu;
			}
		}
		byName.forEach((name, cpu) -> {
			if (cpu > 50_000_000L) {
				System.out.printf("  thread %-40s %.2f s%n", name, cpu / 1e9);
			}
		});
		System.out.printf("  live Java threads %.2f s of process %.2f s%n", total / 1e9, jvmCpuNanos() / 1e9);
	}

	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong((b) -> b.getCollectionTime()).sum();
	}

	private static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * CPU ticks (1/100 s) of PostgreSQL processes on this machine (Linux): all of them,
	 * the backends connected to this run's database, and the server's own (WAL writer,
	 * checkpointer, background writer, autovacuum launcher), so a busy machine does not
	 * hide what the ingestion itself costs; 0 elsewhere.
	 */
	private static long[] postgresCpuTicks() {
		long[] ticks = new long[3];
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path proc : procs.filter((p) -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String stat = Files.readString(proc.resolve("stat"));
					int close = stat.lastIndexOf(')');
					if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
						continue;
					}
					String[] f = stat.substring(close + 2).split(" ");
					long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
					ticks[0] += used;
					String title = Files.readString(proc.resolve("cmdline")).replace('\0', ' ') + " ";
					if (!database.isEmpty() && title.contains(" " + database + " ")) {
						ticks[1] += used;
					}
					else if (title.matches(".*: (checkpointer|background writer|walwriter|autovacuum launcher).*")) {
						ticks[2] += used;
					}
				}
				catch (IOException | RuntimeException ex) {
					// the process ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return ticks;
		}
		return ticks;
	}

	/** Records with every field of the form filled, each for a different deceased. */
	static void generate(Path file, Charset charset, int records, int offset) throws IOException {
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, charset), 1 << 20)) {
			out.write("kind,action,certificateNo,version,deceased.name,deceased.sex,deceased.ethnicity,"
					+ "deceased.idType,deceased.idNumber,deceased.birthDate,deceased.maritalStatus,deceased.occupation,"
					+ "deceased.householdAddress,deceased.householdRegionCode,deceased.usualAddress,death.time,"
					+ "death.placeCategory,death.regionCode,causes.a,causes.b,causes.underlyingIcd10,relative.name,"
					+ "relative.phone,issuer.institutionName,issuer.institutionCode,issuer.doctor,issuer.issuedAt\r\n");
			for (int i = offset; i < offset + records; i++) {
				LocalDate birth = LocalDate.of(1925, 1, 1).plusDays(i % 30000);
				String first17 = "140105" + birth.toString().replace("-", "") + String.format("%03d", i / 30000);
				String id = first17 + IdNumbers.checkChar(first17);
				out.write("DEATH_MEDICAL,SUBMIT," + id + ",1,李𠮷山,1,01,RESIDENT_ID," + id + "," + birth
						+ ",20,退休人员,山西省太原市小店区长治路" + (i % 500) + "号,140105,山西省太原市小店区长治路100号,"
						+ "2026-11-27 03:40:00,MEDICAL_INSTITUTION,140105,急性心肌梗死,冠状动脉粥样硬化性心脏病,I21.9,李明,"
						+ "13812345678,山西省人民医院,12140000405660001X,王医生,2026-11-27 08:10:00\r\n");
			}
		}
	}

}
