package cn.shanxi.lianban.certificate.file;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.shanxi.lianban.support.LogText;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The file routes' read lock ({@code readLock=idempotent}, {@code idempotentRepository}):
 * which hub instance works on which partner file, in PostgreSQL (table
 * {@code partner_file_claim}), so that two instances polling one folder never read one
 * file. A claim names its owner (the instance) and the owner's process (this run of it),
 * and holds for as long as the process lives: it renews all its claims every
 * {@code keepAlive}; a claim not renewed for {@code maxAge} (its process died) may be
 * taken over — by one instance only, in one statement — and an instance restarted under
 * the same name takes its own claims back at once. A process never claims a file twice (a
 * release that Camel delays must not end a second claim of the same file) and releases
 * only its own claims.
 * <p>
 * Camel's {@code JdbcOrphanLockAwareIdempotentRepository} did this job before, and could
 * not: it never renewed a claim it had taken over from a dead instance (so a live one
 * lapsed in its turn), two instances could take over the same dead claim together (a
 * check, then an update), and its {@code remove} deleted any instance's claim — which the
 * file consumer calls for every file it could not lock (with {@code idempotentEager}, on
 * by default), so the claim of the instance reading the file was gone one poll later.
 */
public final class PartnerFileClaims implements IdempotentRepository {

	private static final Logger log = LoggerFactory.getLogger(PartnerFileClaims.class);

	private final JdbcClient jdbc;

	private final String owner;

	private final String process = UUID.randomUUID().toString();

	private final Duration maxAge;

	private final Duration keepAlive;

	private ScheduledExecutorService renewer;

	public PartnerFileClaims(JdbcClient jdbc, String owner, Duration maxAge, Duration keepAlive) {
		if (maxAge.compareTo(keepAlive.multipliedBy(2)) < 0) {
			throw new IllegalStateException("lianban.partner-files: claim-max-age (" + maxAge
					+ ") must be at least twice claim-keep-alive (" + keepAlive + ")");
		}
		this.jdbc = jdbc;
		this.owner = owner;
		this.maxAge = maxAge;
		this.keepAlive = keepAlive;
	}

	/** This instance's name in the claims. */
	public String owner() {
		return this.owner;
	}

	/**
	 * Claims the file: free, lapsed (its process stopped renewing it) or left by an
	 * earlier run of this instance. One statement, so two instances never both win.
	 */
	@Override
	public boolean add(String key) {
		return this.jdbc
			.sql("""
					insert into partner_file_claim (file_key, owner, process, claimed_at, renewed_at)
					values (:key, :owner, :process, now(), now())
					on conflict (file_key) do update set owner = excluded.owner, process = excluded.process, claimed_at = now(),
					  renewed_at = now()
					where (partner_file_claim.owner = excluded.owner and partner_file_claim.process <> excluded.process)
					   or partner_file_claim.renewed_at < now() - make_interval(secs => :maxAge)
					returning file_key
					""")
			.param("key", key)
			.param("owner", this.owner)
			.param("process", this.process)
			.param("maxAge", this.maxAge.toMillis() / 1000.0)
			.query(String.class)
			.optional()
			.isPresent();
	}

	/** Whether someone holds a live claim on the file. */
	@Override
	public boolean contains(String key) {
		return this.jdbc.sql("""
				select count(*) from partner_file_claim
				where file_key = :key and renewed_at >= now() - make_interval(secs => :maxAge)
				""")
			.param("key", key)
			.param("maxAge", this.maxAge.toMillis() / 1000.0)
			.query(Integer.class)
			.single() > 0;
	}

	/** Releases the claim if it is this process's; anyone else's claim stays. */
	@Override
	public boolean remove(String key) {
		return this.jdbc.sql("delete from partner_file_claim where file_key = :key and process = :process")
			.param("key", key)
			.param("process", this.process)
			.update() > 0;
	}

	@Override
	public boolean confirm(String key) {
		return true;
	}

	/** Releases every claim of this process. */
	@Override
	public void clear() {
		this.jdbc.sql("delete from partner_file_claim where process = :process")
			.param("process", this.process)
			.update();
	}

	@Override
	public synchronized void start() {
		if (this.renewer == null) {
			this.renewer = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "partner-file-claims-renewer");
				thread.setDaemon(true);
				return thread;
			});
			long period = this.keepAlive.toMillis();
			this.renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.renewer != null) {
			this.renewer.shutdownNow();
			this.renewer = null;
		}
	}

	/**
	 * Renews this process's claims, and forgets claims that lapsed long ago (a dead
	 * instance's, on a file long gone).
	 */
	void renew() {
		try {
			this.jdbc.sql("update partner_file_claim set renewed_at = now() where process = :process")
				.param("process", this.process)
				.update();
			this.jdbc.sql("delete from partner_file_claim where renewed_at < now() - make_interval(secs => :forgotten)")
				.param("forgotten", this.maxAge.toMillis() / 100.0)
				.update();
		}
		catch (RuntimeException ex) {
			log.warn("Partner file claims of {} could not be renewed: {}", LogText.of(this.owner), ex.toString());
		}
	}

}
