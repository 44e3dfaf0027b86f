package cn.shanxi.lianban.certificate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads and validates the next chunk of records on a thread of its own while the current
 * one is being stored, so the parsing and checking (CPU in the hub) and the inserts (CPU
 * in PostgreSQL) overlap instead of taking turns.
 */
final class ChunkPipeline<T> implements AutoCloseable {

	private static final Object END = new Object();

	private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);

	private final Thread worker;

	ChunkPipeline(Iterator<RawRecord> records, int skipUpTo, int chunkSize, Function<List<RawRecord>, T> prepare) {
		this.worker = new Thread(() -> run(records, skipUpTo, chunkSize, prepare), "certificate-chunks");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	private void run(Iterator<RawRecord> records, int skipUpTo, int chunkSize, Function<List<RawRecord>, T> prepare) {
		try {
			List<RawRecord> chunk = new ArrayList<>(chunkSize);
			while (records.hasNext()) {
				RawRecord raw = records.next();
				if (raw.lineNo() <= skipUpTo) {
					continue; // done before the hub stopped: its receipt line is on
								// record
				}
				chunk.add(raw);
				if (chunk.size() == chunkSize) {
					this.ready.put(prepare.apply(chunk));
					chunk = new ArrayList<>(chunkSize);
				}
			}
			if (!chunk.isEmpty()) {
				this.ready.put(prepare.apply(chunk));
			}
			this.ready.put(END);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error ex) {
			this.ready.offer(ex);
		}
	}

	/** The next prepared chunk, or {@code null} at the end. */
	@SuppressWarnings("unchecked")
	T next() {
		Object item;
		try {
			item = this.ready.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading records", ex);
		}
		if (item == END) {
			return null;
		}
		if (item instanceof RuntimeException ex) {
			throw ex;
		}
		if (item instanceof Error error) {
			throw error;
		}
		return (T) item;
	}

	@Override
	public void close() {
		this.worker.interrupt();
	}

}
