package cn.shanxi.lianban.simulator.reply;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.reply.ReplyProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The pretend agencies answering what they received (their {@code received_message}
 * table): after {@code lianban.simulator.replies.delay} each agency with a reply format
 * ({@code lianban.replies.mappings}) answers through the transport the real one uses — an
 * HTTP callback to the hub with its key, a result file on its SFTP server, the staging
 * table's status column. Mostly {@code DONE}, with an amount for paying items; the
 * {@code outcomes} rule makes some items end otherwise. Each key is answered once (table
 * {@code agency_simulator.replied}), whichever hub instance's simulator gets to it.
 */
public final class SimulatedReplies implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SimulatedReplies.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final SimulatedReplyProperties properties;

	private final ReplyProperties replies;

	private final JdbcTemplate jdbc;

	private final Environment environment;

	private final ReplyTransports transports;

	private final Clock clock;

	private final AtomicLong serial = new AtomicLong();

	private ScheduledExecutorService executor;

	private volatile boolean answering;

	private volatile boolean running;

	SimulatedReplies(SimulatedReplyProperties properties, ReplyProperties replies, JdbcTemplate jdbc,
			Environment environment, ReplyTransports transports, Clock clock) {
		this.properties = properties;
		this.replies = replies;
		this.jdbc = jdbc;
		this.environment = environment;
		this.transports = transports;
		this.clock = clock;
		this.answering = properties.auto();
	}

	/** One answer: the key the hub sent, how it ends, what is paid. */
	record Answer(String agency, String dedupKey, String status, String reason, java.math.BigDecimal amount,
			String account) {

		String itemType() {
			int dash = this.dedupKey.indexOf('-');
			return (dash >= 0) ? this.dedupKey.substring(dash + 1) : this.dedupKey;
		}

	}

	@Override
	public synchronized void start() {
		this.jdbc.execute("""
				create table if not exists agency_simulator.replied (
				    agency    varchar(40)  not null,
				    dedup_key varchar(100) not null,
				    status    varchar(24)  not null,
				    at        timestamptz  not null default now(),
				    primary key (agency, dedup_key))
				""");
		this.transports.prepare();
		CustomizableThreadFactory threads = new CustomizableThreadFactory("simulated-replies-");
		threads.setDaemon(true);
		this.executor = Executors.newSingleThreadScheduledExecutor(threads);
		long period = this.properties.checkPeriod().toMillis();
		this.executor.scheduleWithFixedDelay(this::answerQuietly, period, period, TimeUnit.MILLISECONDS);
		this.running = true;
		log.warn("SIMULATED AGENCY REPLIES are {} (lianban.simulator.replies.auto), after {}",
				this.answering ? "on" : "off", this.properties.delay());
	}

	/** Switches the answering on or off (tests). */
	public void answering(boolean on) {
		this.answering = on;
	}

	private void answerQuietly() {
		if (!this.answering) {
			return;
		}
		try {
			answerDue();
		}
		catch (RuntimeException ex) {
			log.warn("Simulated agency replies failed: {}", ex.getMessage());
		}
	}

	/** Answers what is due now; answers how many keys were answered. */
	public synchronized int answerDue() {
		return answerKeys() + cremate();
	}

	/**
	 * The funeral home is sent nothing: it reports each cremation by itself, with its
	 * partner key, once the case is in progress. The cases in progress are looked up
	 * first (an index): starting from the pending work items read every waiting case's.
	 */
	private int cremate() {
		List<Map<String, Object>> due = this.jdbc.queryForList("""
				with open as materialized (
				  select id, case_no, deceased_id_number, deceased_name from case_file where status = 'IN_PROGRESS')
				select c.case_no, c.deceased_id_number, c.deceased_name from open c
				join work_item w on w.case_id = c.id and w.type = 'CREMATION_CERTIFICATE'
				where w.status = 'PENDING'
				  and not exists (select 1 from agency_simulator.replied p
				                  where p.agency = w.agency and p.dedup_key = c.case_no || '-' || w.type)
				order by c.id limit 50
				""");
		int n = 0;
		for (Map<String, Object> row : due) {
			String caseNo = (String) row.get("case_no");
			if (this.jdbc.update(
					"insert into agency_simulator.replied (agency, dedup_key, status) values ('FUNERAL', ?, 'DONE') on conflict do nothing",
					caseNo + "-CREMATION_CERTIFICATE") == 1) {
				try {
					this.transports.cremationRecord((String) row.get("deceased_id_number"),
							(String) row.get("deceased_name"), now());
					n++;
				}
				catch (RuntimeException ex) {
					this.jdbc.update("delete from agency_simulator.replied where agency = 'FUNERAL' and dedup_key = ?",
							caseNo + "-CREMATION_CERTIFICATE");
					log.warn("Simulated funeral home could not report the cremation of case {}: {}", caseNo,
							ex.getMessage());
				}
			}
		}
		return n;
	}

	private int answerKeys() {
		List<String> agencies = new ArrayList<>(this.replies.mappings().keySet());
		List<Map<String, Object>> due = this.jdbc.queryForList("""
				select r.agency, r.dedup_key from agency_simulator.received_message r
				where r.agency = any(?) and r.first_at <= ?
				  and not exists (select 1 from agency_simulator.replied p
				                  where p.agency = r.agency and p.dedup_key = r.dedup_key)
				order by r.first_at, r.dedup_key limit 500
				""", agencies.toArray(String[]::new),
				java.sql.Timestamp.from(this.clock.instant().minus(this.properties.delay())));
		Map<String, List<Answer>> byAgency = new LinkedHashMap<>();
		for (Map<String, Object> row : due) {
			Answer answer = answer((String) row.get("agency"), (String) row.get("dedup_key"));
			// claimed by this simulator: another hub instance's leaves it
			int claimed = this.jdbc.update(
					"insert into agency_simulator.replied (agency, dedup_key, status) values (?, ?, ?) on conflict do nothing",
					answer.agency(), answer.dedupKey(), answer.status());
			if (claimed == 1) {
				byAgency.computeIfAbsent(answer.agency(), (a) -> new ArrayList<>()).add(answer);
			}
		}
		int answered = 0;
		for (Map.Entry<String, List<Answer>> e : byAgency.entrySet()) {
			try {
				this.transports.send(e.getKey(), this.replies.mappings().get(e.getKey()), transport(e.getKey()),
						endpoint(e.getKey()), e.getValue(), now(), this.serial.incrementAndGet());
				answered += e.getValue().size();
			}
			catch (RuntimeException ex) {
				// not answered after all: the next round tries again
				for (Answer a : e.getValue()) {
					this.jdbc.update("delete from agency_simulator.replied where agency = ? and dedup_key = ?",
							a.agency(), a.dedupKey());
				}
				log.warn("Simulated agency {} could not answer {} keys: {}", e.getKey(), e.getValue().size(),
						ex.getMessage());
			}
		}
		return answered;
	}

	private Answer answer(String agency, String dedupKey) {
		Answer draft = new Answer(agency, dedupKey, "DONE", null, null, null);
		SimulatedReplyProperties.Outcome rule = this.properties.outcomes().get(draft.itemType());
		if (rule != null && rule.status() != null && !"DONE".equals(rule.status())) {
			return new Answer(agency, dedupKey, rule.status(), rule.reason(), null, null);
		}
		java.math.BigDecimal amount = this.properties.amounts().get(draft.itemType());
		return new Answer(agency, dedupKey, "DONE", (rule != null) ? rule.reason() : "已办结", amount,
				(amount != null) ? this.properties.account() : null);
	}

	private String now() {
		return ZonedDateTime.now(this.clock)
			.withZoneSameInstant(CHINA)
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private String transport(String agency) {
		return this.environment.getProperty("lianban.agencies." + agency + ".transport", "");
	}

	/** What of an agency's endpoint its answers need (its SFTP account, its table). */
	private Map<String, String> endpoint(String agency) {
		Map<String, String> endpoint = new LinkedHashMap<>();
		for (String key : List.of("username", "table")) {
			String value = this.environment.getProperty("lianban.agencies." + agency + ".endpoint." + key);
			if (value != null) {
				endpoint.put(key, value);
			}
		}
		return endpoint;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the simulated agencies (their tables), before the routes. */
	@Override
	public int getPhase() {
		return -90;
	}

}
