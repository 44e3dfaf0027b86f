package cn.shanxi.lianban.certificate;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderedChunksTests {

	@Test
	void laterChunksWorkAtOnceButTakeTheirTurnAfterTheEarlierCommitted() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		List<String> delivered = new CopyOnWriteArrayList<>();
		CountDownLatch secondStarted = new CountDownLatch(1);
		try (OrderedChunks<String> chunks = new OrderedChunks<>(2, delivered::add)) {
			chunks.submit(Set.of("a"), (turn) -> {
				await(secondStarted); // the second works while the first has not finished
				turn.run();
				events.add("first ordered part");
				return "first";
			});
			chunks.submit(Set.of("b"), (turn) -> {
				secondStarted.countDown();
				turn.run();
				events.add("second ordered part");
				return "second";
			});
			chunks.finish();
		}
		assertThat(events).containsExactly("first ordered part", "second ordered part");
		assertThat(delivered).containsExactly("first", "second");
	}

	@Test
	void aChunkNamingACertificateOfAnUnfinishedOneWaitsForItToCommit() {
		AtomicBoolean firstDone = new AtomicBoolean();
		List<Boolean> secondSawFirstDone = new CopyOnWriteArrayList<>();
		try (OrderedChunks<String> chunks = new OrderedChunks<>(2, (result) -> {
		})) {
			chunks.submit(Set.of("a", "b"), (turn) -> {
				sleepABit();
				turn.run();
				firstDone.set(true);
				return "first";
			});
			chunks.submit(Set.of("b", "c"), (turn) -> {
				secondSawFirstDone.add(firstDone.get()); // before its own turn
				turn.run();
				return "second";
			});
			chunks.finish();
		}
		assertThat(secondSawFirstDone).containsExactly(true);
	}

	@Test
	void whenAChunkFailsTheNextNeverTakesItsTurnAndTheFirstFailureIsReported() {
		List<String> delivered = new CopyOnWriteArrayList<>();
		AtomicBoolean secondCommitted = new AtomicBoolean();
		assertThatThrownBy(() -> {
			try (OrderedChunks<String> chunks = new OrderedChunks<>(2, delivered::add)) {
				chunks.submit(Set.of("a"), (turn) -> "first");
				chunks.submit(Set.of("b"), (turn) -> {
					sleepABit();
					throw new IllegalStateException("simulated crash");
				});
				chunks.submit(Set.of("c"), (turn) -> {
					turn.run();
					secondCommitted.set(true);
					return "third";
				});
				chunks.finish();
			}
		}).isInstanceOf(IllegalStateException.class).hasMessage("simulated crash");
		assertThat(delivered).containsExactly("first");
		assertThat(secondCommitted).isFalse();
	}

	@Test
	void oneAtATimeRunsOnTheCallersThread() {
		List<String> threads = new CopyOnWriteArrayList<>();
		try (OrderedChunks<String> chunks = new OrderedChunks<>(1, threads::add)) {
			chunks.submit(Set.of("a"), (turn) -> Thread.currentThread().getName());
			chunks.finish();
		}
		assertThat(threads).containsExactly(Thread.currentThread().getName());
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleepABit() {
		// lets a wrong order show; the outcome does not depend on the timing
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
