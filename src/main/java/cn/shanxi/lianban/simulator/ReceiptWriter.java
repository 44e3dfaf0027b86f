package cn.shanxi.lianban.simulator;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what the HTTP and SFTP agencies received, for many messages in one statement:
 * the desk threads queue their receipts and wait; one writer takes all that queued while
 * its previous statement ran (group commit). A message is answered only once its receipt
 * is written, as before, but the simulated agencies no longer spend a database round trip
 * per message, which on the benchmark's two cores was taken from the hub.
 */
final class ReceiptWriter implements AutoCloseable {

	private static final int BATCH = 512;

	private static final long WAIT_SECONDS = 60;

	private static final String INSERT = """
			insert into agency_simulator.received_message (agency, dedup_key, transport, file_name, message_id,
			  sha256, first_at, last_at)
			select r.agency, r.dedup_key, r.transport, r.file_name, r.message_id, r.sha256, ?, ?
			from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
			  cast(? as text[])) as r(agency, dedup_key, transport, file_name, message_id, sha256)
			on conflict (agency, dedup_key)
			do update set repeats = agency_simulator.received_message.repeats + 1, last_at = excluded.last_at
			returning agency, dedup_key, repeats
			""";

	/** Keys an agency got in one message or file. */
	record Receipt(String agency, String transport, String fileName, String messageId, String sha256,
			List<String> dedupKeys) {
	}

	private record Waiting(Receipt receipt, Timestamp at, CompletableFuture<Integer> repeats) {
	}

	/** An agency's dedup key. */
	private record Key(String agency, String dedupKey) {
	}

	private final JdbcClient jdbc;

	private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();

	private final Thread thread;

	ReceiptWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.thread = new Thread(this::run, "simulated-agency-receipts");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Writes the receipt; answers how many of its keys the agency had already. */
	int write(Receipt receipt, Timestamp at) {
		Waiting waiting = new Waiting(receipt, at, new CompletableFuture<>());
		this.queue.add(waiting);
		try {
			// bounded: a writer that is gone (the simulator stopping) fails the message
			// instead of holding its desk thread for ever
			return waiting.repeats().get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("receipt not written within " + WAIT_SECONDS + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the receipt was written", ex);
		}
	}

	private void run() {
		List<Waiting> batch = new ArrayList<>();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				batch.add(this.queue.take());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			this.queue.drainTo(batch, BATCH - 1);
			try {
				int[] repeats = writeTogether(batch.stream().map(Waiting::receipt).toList(), batch.get(0).at());
				for (int i = 0; i < batch.size(); i++) {
					batch.get(i).repeats().complete(repeats[i]);
				}
			}
			catch (RuntimeException ex) {
				batch.forEach((w) -> w.repeats().completeExceptionally(ex));
			}
			batch.clear();
		}
		this.queue.forEach((w) -> w.repeats().completeExceptionally(new IllegalStateException("simulator stopped")));
	}

	/**
	 * Inserts every key of these receipts; answers, per receipt, how many of its keys
	 * were repeats. A key twice in the batch (a message sent again at once) goes in a
	 * later statement: one statement may not touch a row twice, and its second message is
	 * the repeat, as if each had been written on its own. Runs on the caller's thread, in
	 * its transaction if it has one.
	 */
	int[] writeTogether(List<Receipt> receipts, Timestamp at) {
		List<Rows> rounds = new ArrayList<>();
		for (int i = 0; i < receipts.size(); i++) {
			Receipt r = receipts.get(i);
			for (String key : r.dedupKeys()) {
				Key k = new Key(r.agency(), key);
				Rows round = rounds.stream().filter((x) -> !x.owners.containsKey(k)).findFirst().orElseGet(() -> {
					Rows created = new Rows();
					rounds.add(created);
					return created;
				});
				round.add(k, r, i);
			}
		}
		int[] repeats = new int[receipts.size()];
		for (Rows round : rounds) {
			this.jdbc.sql(INSERT)
				.params(at, at, round.agencies.toArray(String[]::new), round.dedupKeys.toArray(String[]::new),
						round.transports.toArray(String[]::new), round.fileNames.toArray(String[]::new),
						round.messageIds.toArray(String[]::new), round.sha256s.toArray(String[]::new))
				.query((rs) -> {
					if (rs.getInt(3) > 0) {
						repeats[round.owners.get(new Key(rs.getString(1), rs.getString(2)))]++;
					}
				});
		}
		return repeats;
	}

	/** The rows of one statement, column by column. */
	private static final class Rows {

		final Map<Key, Integer> owners = new HashMap<>();

		final List<String> agencies = new ArrayList<>();

		final List<String> dedupKeys = new ArrayList<>();

		final List<String> transports = new ArrayList<>();

		final List<String> fileNames = new ArrayList<>();

		final List<String> messageIds = new ArrayList<>();

		final List<String> sha256s = new ArrayList<>();

		void add(Key key, Receipt r, int receipt) {
			this.owners.put(key, receipt);
			this.agencies.add(key.agency());
			this.dedupKeys.add(key.dedupKey());
			this.transports.add(r.transport());
			this.fileNames.add(r.fileName());
			this.messageIds.add(r.messageId());
			this.sha256s.add(r.sha256());
		}

	}

	@Override
	public void close() {
		this.thread.interrupt();
	}

}
