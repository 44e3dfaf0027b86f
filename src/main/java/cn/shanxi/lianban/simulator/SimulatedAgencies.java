package cn.shanxi.lianban.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.dispatch.AgencyCatalogue;
import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import cn.shanxi.lianban.dispatch.AgencyProperties.Transport;
import cn.shanxi.lianban.mapping.MappingEngine;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pretend agencies of the embedded default and the tests: an HTTP server, an SFTP
 * server with an account per agency, and the housing fund centre's staging table. They
 * start before the routes do and publish their ports
 * ({@code lianban.simulator.agencies.http-port},
 * {@code lianban.simulator.agencies.sftp-port}) for the agencies' endpoint placeholders.
 * Tests use this bean to take an agency down, slow it, or see what it received.
 */
public final class SimulatedAgencies implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SimulatedAgencies.class);

	private final SimulatorProperties properties;

	private final AgencyCatalogue catalogue;

	private final MappingEngine engine;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final ConfigurableEnvironment environment;

	private final AgencyControl control;

	private final ReceivedMessages received;

	private final AgencyDesk desk;

	private AgencyHttpServer http;

	private AgencySftpServer sftp;

	private ScheduledExecutorService staging;

	private final List<StagingTableReader> stagingTables = new ArrayList<>();

	private volatile boolean running;

	SimulatedAgencies(SimulatorProperties properties, AgencyCatalogue catalogue, MappingEngine engine,
			JdbcTemplate jdbc, TransactionTemplate tx, ConfigurableEnvironment environment, AgencyControl control,
			ReceivedMessages received, AgencyDesk desk) {
		this.properties = properties;
		this.catalogue = catalogue;
		this.engine = engine;
		this.jdbc = jdbc;
		this.tx = tx;
		this.environment = environment;
		this.control = control;
		this.received = received;
		this.desk = desk;
	}

	@Override
	public synchronized void start() {
		SimulatorSchema.create(this.jdbc, this.tx);
		// every agency starts up; a test takes one down when it needs to
		this.jdbc.update("delete from agency_simulator.control");
		this.http = new AgencyHttpServer(this.desk, this.properties.bindAddress(), this.properties.httpPort());
		List<AgencySftpServer.Account> accounts = new ArrayList<>();
		for (String code : this.catalogue.configuredCodes()) {
			Agency agency = this.catalogue.settings(code).orElseThrow();
			if (agency.transport() == Transport.SFTP) {
				Map<String, String> e = agency.endpoint();
				accounts.add(new AgencySftpServer.Account(code, e.get("username"), e.get("password"),
						e.getOrDefault("directory", ".")));
			}
			if (agency.transport() == Transport.SQL && agency.endpoint().containsKey("table")) {
				this.stagingTables.add(new StagingTableReader(this.jdbc, this.tx, this.engine, this.desk, code,
						agency.mapping(), agency.endpoint().get("table")));
			}
		}
		this.sftp = new AgencySftpServer(this.desk, this.control, accounts, this.properties.sftpRoot(),
				this.properties.bindAddress(), this.properties.sftpPort());
		this.http.start();
		this.sftp.start();
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("lianbanSimulatorPorts", Map.of("lianban.simulator.agencies.http-port",
					this.http.port(), "lianban.simulator.agencies.sftp-port", this.sftp.port())));
		CustomizableThreadFactory threads = new CustomizableThreadFactory("simulated-staging-");
		threads.setDaemon(true);
		this.staging = Executors.newSingleThreadScheduledExecutor(threads);
		long period = this.properties.stagingCheckPeriod().toMillis();
		this.staging.scheduleWithFixedDelay(this::readStagingTablesQuietly, period, period, TimeUnit.MILLISECONDS);
		this.running = true;
		log.warn("SIMULATED AGENCIES are on (lianban.simulator.agencies.enabled): never in production");
	}

	private void readStagingTablesQuietly() {
		try {
			readStagingTables();
		}
		catch (RuntimeException ex) {
			log.warn("Simulated staging table reader failed: {}", ex.getMessage());
		}
	}

	/** Reads the staging tables now; answers how many rows were new. */
	public int readStagingTables() {
		int n = 0;
		for (StagingTableReader reader : this.stagingTables) {
			n += reader.readNewRows();
		}
		return n;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.staging != null) {
			this.staging.shutdownNow();
		}
		if (this.sftp != null) {
			this.sftp.stop();
		}
		if (this.http != null) {
			this.http.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Before the routes, whose endpoints name the simulators' ports; stops after them.
	 */
	@Override
	public int getPhase() {
		return -100;
	}

	/** The agency refuses every connection (HTTP 503, SFTP logins, staging inserts). */
	public void down(String agency) {
		this.control.set(agency, AgencyControl.Mode.DOWN, Duration.ZERO);
	}

	/** The agency answers after {@code delay}. */
	public void slow(String agency, Duration delay) {
		this.control.set(agency, AgencyControl.Mode.UP, delay);
	}

	/** The agency takes messages but refuses every item in its synchronous answer. */
	public void refuse(String agency) {
		this.control.set(agency, AgencyControl.Mode.REFUSE, Duration.ZERO);
	}

	/** Back to normal. */
	public void up(String agency) {
		this.control.set(agency, AgencyControl.Mode.UP, Duration.ZERO);
	}

	public ReceivedMessages received() {
		return this.received;
	}

	public int httpPort() {
		return this.http.port();
	}

	public int sftpPort() {
		return this.sftp.port();
	}

	public Path sftpRoot() {
		return this.properties.sftpRoot();
	}

}
