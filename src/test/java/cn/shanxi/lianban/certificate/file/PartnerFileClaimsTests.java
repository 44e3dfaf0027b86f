package cn.shanxi.lianban.certificate.file;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.shanxi.lianban.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The file routes' claims on the real PostgreSQL, several "instances" (each its own
 * repository and owner name) at once: a live claim holds for as long as its owner lives,
 * a dead one's lapses, and only one instance ever wins a file.
 */
class PartnerFileClaimsTests {

	static final Duration MAX_AGE = Duration.ofMillis(1500);

	static final Duration KEEP_ALIVE = Duration.ofMillis(300);

	final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());

	final List<PartnerFileClaims> started = new ArrayList<>();

	final String file = "/drop/SXPH/inbox/" + UUID.randomUUID() + ".csv";

	PartnerFileClaims instance(String owner) {
		PartnerFileClaims claims = new PartnerFileClaims(this.jdbc, owner, MAX_AGE, KEEP_ALIVE);
		claims.start();
		this.started.add(claims);
		return claims;
	}

	@AfterEach
	void stopInstances() {
		this.started.forEach(PartnerFileClaims::stop);
	}

	@Test
	void aLiveClaimHoldsForAsLongAsItsOwnerLivesAndLapsesWhenItDies() {
		PartnerFileClaims first = instance("hub-a-" + UUID.randomUUID());
		PartnerFileClaims second = instance("hub-b-" + UUID.randomUUID());
		assertThat(first.add(this.file)).isTrue();

		// three times the age at which an unrenewed claim lapses: it was renewed
		long until = System.currentTimeMillis() + 3 * MAX_AGE.toMillis();
		await().atMost(MAX_AGE.multipliedBy(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
			assertThat(second.add(this.file)).as("a live claim is respected").isFalse();
			assertThat(second.contains(this.file)).isTrue();
			return System.currentTimeMillis() > until;
		});

		first.stop(); // it dies: nothing renews its claim
		await().atMost(MAX_AGE.multipliedBy(4)).until(() -> second.add(this.file));
		assertThat(owner()).isEqualTo(second.owner());
	}

	@Test
	void anInstanceReleasesOnlyItsOwnClaim() {
		PartnerFileClaims first = instance("hub-a-" + UUID.randomUUID());
		PartnerFileClaims second = instance("hub-b-" + UUID.randomUUID());
		assertThat(first.add(this.file)).isTrue();
		// what the file consumer asks of the repository for a file it could not lock
		assertThat(second.remove(this.file)).isFalse();
		assertThat(owner()).isEqualTo(first.owner());
		assertThat(first.remove(this.file)).isTrue();
		assertThat(second.add(this.file)).isTrue();
	}

	@Test
	void aProcessNeverClaimsAFileTwice() {
		// Camel releases a claim some seconds after the file is done
		// (readLockIdempotentReleaseDelay):
		// a second claim of the same file by the same process would end with that release
		PartnerFileClaims instance = instance("hub-" + UUID.randomUUID());
		assertThat(instance.add(this.file)).isTrue();
		assertThat(instance.add(this.file)).isFalse();
	}

	@Test
	void anOwnerRestartedUnderItsNameTakesItsClaimBackAtOnce() {
		String name = "hub-" + UUID.randomUUID();
		PartnerFileClaims before = instance(name);
		assertThat(before.add(this.file)).isTrue();
		before.stop(); // killed: its claim stays, live for another MAX_AGE
		PartnerFileClaims other = instance("hub-other-" + UUID.randomUUID());
		assertThat(other.add(this.file)).isFalse();
		assertThat(instance(name).add(this.file)).isTrue();
	}

	@Test
	void ofInstancesTakingOverTheSameLapsedClaimOnlyOneWins() throws Exception {
		this.jdbc.sql("""
				insert into partner_file_claim (file_key, owner, process, claimed_at, renewed_at)
				values (?, 'a-dead-hub', 'its-process', now() - interval '1 hour', now() - interval '1 hour')
				""").param(this.file).update();
		int racers = 8;
		List<PartnerFileClaims> instances = new ArrayList<>();
		for (int i = 0; i < racers; i++) {
			instances.add(instance("hub-" + i + "-" + UUID.randomUUID()));
		}
		CyclicBarrier start = new CyclicBarrier(racers);
		ExecutorService threads = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Boolean>> won = new ArrayList<>();
			for (PartnerFileClaims claims : instances) {
				Callable<Boolean> race = () -> {
					start.await();
					return claims.add(this.file);
				};
				won.add(threads.submit(race));
			}
			int winners = 0;
			for (Future<Boolean> w : won) {
				winners += w.get() ? 1 : 0;
			}
			assertThat(winners).isOne();
		}
		finally {
			threads.shutdownNow();
		}
	}

	private String owner() {
		return this.jdbc.sql("select owner from partner_file_claim where file_key = ?")
			.param(this.file)
			.query(String.class)
			.single();
	}

}
