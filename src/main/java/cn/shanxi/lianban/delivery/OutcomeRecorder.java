package cn.shanxi.lianban.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records delivery outcomes in batches: the lanes' threads hand over each outcome as
 * their route returns, and a few recorder threads write up to {@value #BATCH} of them per
 * transaction ({@link DeliveryRecords#record}). One commit for many messages instead of
 * one each. An outcome not yet written when the hub dies is lost with it: the message's
 * lease brings it back and it is sent again with its dedup key (at least once).
 */
final class OutcomeRecorder {

	private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

	static final int BATCH = 256;

	static final long LINGER_MS = 50;

	/** An outcome to record, and the lane whose in-flight count it frees. */
	record Entry(Lane lane, Delivery delivery, Outcome outcome) {
	}

	private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();

	private final DeliveryRecords records;

	private final String instance;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	OutcomeRecorder(DeliveryRecords records, String instance) {
		this.records = records;
		this.instance = instance;
	}

	void start(int count) {
		this.running = true;
		for (int i = 0; i < count; i++) {
			Thread thread = new Thread(this::run, "deliver-recorder-" + (i + 1));
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
	}

	void add(Entry entry) {
		this.queue.add(entry);
	}

	private void run() {
		while (this.running || !this.queue.isEmpty()) {
			Entry first;
			try {
				first = this.queue.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (first == null) {
				continue;
			}
			List<Entry> batch = new ArrayList<>(BATCH);
			batch.add(first);
			gather(batch);
			flush(batch);
		}
	}

	/**
	 * Waits up to {@value #LINGER_MS} ms after the first outcome for more, up to a batch:
	 * a transaction costs about as much for 5 outcomes as for 100 (its round trips and
	 * commit), and outcomes arrive one by one from the lanes, so a recorder that took
	 * only what was queued at that instant wrote ≈ 6 per transaction.
	 */
	private void gather(List<Entry> batch) {
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
		this.queue.drainTo(batch, BATCH - batch.size());
		while (batch.size() < BATCH) {
			long left = end - System.nanoTime();
			if (left <= 0) {
				return;
			}
			Entry next;
			try {
				next = this.queue.poll(left, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (next == null) {
				return;
			}
			batch.add(next);
			this.queue.drainTo(batch, BATCH - batch.size());
		}
	}

	private void flush(List<Entry> batch) {
		try {
			this.records.record(batch, this.instance);
		}
		catch (RuntimeException ex) {
			// nothing recorded: the claims' leases bring these deliveries back
			log.error("Could not record {} delivery outcomes; they are due again when their lease ends", batch.size(),
					ex);
		}
		finally {
			batch.forEach((e) -> e.lane().done());
		}
	}

	/** Writes what is queued, then stops. */
	void stop() {
		this.running = false;
		for (Thread thread : this.threads) {
			try {
				thread.join(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.threads.clear();
	}

}
