package cn.shanxi.lianban.certificate;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies the chunks of one submission on up to {@code parallel} connections at once, yet
 * as if one after the other. Each chunk's work does its heavy part (storing the
 * certificates) at once, then waits for its turn — every earlier chunk committed — before
 * its ordered part (case matching, receipt lines) and its commit. So the chunks commit in
 * line order, and a file cut short still resumes after its last committed chunk with
 * nothing skipped; a chunk whose predecessor failed rolls back. A chunk that names a
 * certificate an unfinished chunk also names waits for that one to commit first, so the
 * versions of one certificate are compared in file order, as before.
 *
 * <p>
 * With {@code parallel} 1 every chunk runs on the caller's thread.
 */
final class OrderedChunks<T> implements AutoCloseable {

	private final int parallel;

	private final Consumer<T> committed;

	private final Deque<InFlight<T>> inFlight = new ArrayDeque<>();

	/**
	 * Threads shared by all submissions (a request of one chunk does not start one of its
	 * own); how many chunks of one submission run at once is bounded here, not by the
	 * pool.
	 */
	private static final ExecutorService WORKERS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "certificate-apply");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param committed gets each chunk's result once it has committed, in chunk order, on
	 * the caller's thread
	 */
	OrderedChunks(int parallel, Consumer<T> committed) {
		this.parallel = Math.max(1, parallel);
		this.committed = committed;
	}

	/**
	 * Applies a chunk.
	 * @param keys the certificates it names
	 * @param work does the chunk in its transaction, calling the given turn before its
	 * ordered part (the turn throws if an earlier chunk failed)
	 */
	void submit(Set<String> keys, Function<Runnable, T> work) {
		if (this.parallel == 1) {
			this.committed.accept(work.apply(() -> {
			}));
			return;
		}
		if (this.inFlight.stream().anyMatch((chunk) -> !Collections.disjoint(chunk.keys(), keys))) {
			finish();
		}
		while (this.inFlight.size() >= this.parallel) {
			deliver(this.inFlight.removeFirst());
		}
		CompletableFuture<T> before = this.inFlight.isEmpty() ? null : this.inFlight.peekLast().result();
		Runnable turn = (before != null) ? before::join : () -> {
		};
		this.inFlight.addLast(
				new InFlight<>(CompletableFuture.supplyAsync(() -> work.apply(turn), WORKERS), new HashSet<>(keys)));
	}

	/** Waits for every chunk submitted to commit, handing on their results. */
	void finish() {
		while (!this.inFlight.isEmpty()) {
			deliver(this.inFlight.removeFirst());
		}
	}

	private void deliver(InFlight<T> chunk) {
		T result;
		try {
			result = chunk.result().join();
		}
		catch (CompletionException ex) {
			Throwable cause = ex;
			while (cause instanceof CompletionException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw ex;
		}
		this.committed.accept(result);
	}

	/**
	 * After a failure: lets the chunks still running end (they roll back, their turn
	 * never comes) before the caller goes on.
	 */
	@Override
	public void close() {
		for (InFlight<T> chunk : this.inFlight) {
			try {
				chunk.result().join();
			}
			catch (RuntimeException ex) {
				// rolled back: the first failure is what the caller reports
			}
		}
		this.inFlight.clear();
	}

	private record InFlight<T>(CompletableFuture<T> result, Set<String> keys) {
	}

}
