package cn.shanxi.lianban.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.support.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptQueueTests {

	@Test
	void whoCannotGetInInTimeIsAnswered503AndNothingRuns() throws Exception {
		AcceptQueue queue = new AcceptQueue(1, Duration.ofMillis(100));
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch leave = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<String> first = pool.submit(() -> queue.inTurn(() -> {
				inside.countDown();
				await(leave);
				return "first";
			}));
			assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
			List<String> ran = new ArrayList<>();

			assertThatThrownBy(() -> queue.inTurn(() -> ran.add("second"))).isInstanceOfSatisfying(
					ProblemException.class, (ex) -> assertThat(ex.problem().status()).isEqualTo(503));
			assertThat(ran).isEmpty();

			leave.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
			assertThat(queue.inTurn(() -> "third")).isEqualTo("third");
		}
		finally {
			leave.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aFailingApplicationGivesItsPlaceBack() {
		AcceptQueue queue = new AcceptQueue(1, Duration.ofMillis(100));
		assertThatThrownBy(() -> queue.inTurn(() -> {
			throw new IllegalStateException("refused");
		})).hasMessage("refused");
		assertThat(queue.inTurn(() -> "next")).isEqualTo("next");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
