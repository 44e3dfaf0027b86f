package cn.shanxi.lianban.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import cn.shanxi.lianban.dispatch.AgencyProperties.Retry;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * One agency's delivery threads and what it has in flight. Each agency has its own, so a
 * slow or unreachable agency holds up nobody else. At most {@link #capacity} deliveries
 * are claimed ahead, so a claim never waits in the queue longer than its lease.
 */
final class Lane {

	private final String agency;

	private final String route;

	private final Retry retry;

	private final Integer batchSize;

	private final int capacity;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final ThreadPoolExecutor pool;

	Lane(String agency, Agency settings, String route, DeliveryProperties properties) {
		this.agency = agency;
		this.route = route;
		this.retry = (settings.retry() != null) ? settings.retry().orElse(properties.retry()) : properties.retry();
		this.batchSize = settings.batchSize();
		int threads = (settings.concurrency() != null) ? settings.concurrency() : properties.concurrency();
		// a batch file is one delivery: claim no more of them than there are threads
		this.capacity = (this.batchSize != null) ? threads : threads * properties.inFlightPerThread();
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory(
				"deliver-" + agency.toLowerCase(java.util.Locale.ROOT) + "-");
		threadFactory.setDaemon(true);
		this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				threadFactory);
	}

	String agency() {
		return this.agency;
	}

	String route() {
		return this.route;
	}

	Retry retry() {
		return this.retry;
	}

	boolean batched() {
		return this.batchSize != null;
	}

	int batchSize() {
		return this.batchSize;
	}

	int free() {
		return this.capacity - this.inFlight.get();
	}

	/**
	 * Whether to claim for this lane now: when a quarter of its room is free. A lane with
	 * three quarters of its room still queued has work for a while; claiming a few rows
	 * at every poll cost a claim statement each time (the scan of the agency's due rows
	 * costs the same for 5 rows as for 60).
	 */
	boolean wantsMore() {
		return free() >= Math.max(1, this.capacity / 4);
	}

	/**
	 * Runs the delivery on this lane's threads; it stays in flight until {@link #done} is
	 * called for it (its outcome is recorded).
	 */
	void submit(Delivery delivery, Runnable work) {
		this.inFlight.incrementAndGet();
		this.pool.execute(new Task(delivery, work));
	}

	void done() {
		this.inFlight.decrementAndGet();
	}

	/** Stops taking work; answers the deliveries that had not started. */
	List<Delivery> shutdown() {
		List<Runnable> queued = new ArrayList<>();
		this.pool.getQueue().drainTo(queued);
		this.pool.shutdown();
		List<Delivery> unsent = new ArrayList<>();
		for (Runnable r : queued) {
			unsent.add(((Task) r).delivery());
			this.inFlight.decrementAndGet();
		}
		return unsent;
	}

	void awaitTermination() {
		try {
			this.pool.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Task(Delivery delivery, Runnable work) implements Runnable {

		@Override
		public void run() {
			this.work.run();
		}

	}

}
