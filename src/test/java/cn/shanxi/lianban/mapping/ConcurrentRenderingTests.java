package cn.shanxi.lianban.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static cn.shanxi.lianban.mapping.GoldenFilesTests.BATCH;
import static cn.shanxi.lianban.mapping.MappingTestSupport.ENGINE;
import static cn.shanxi.lianban.mapping.MappingTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

/** One engine serves every sender thread of the hub: the same input, the same bytes. */
class ConcurrentRenderingTests {

	@Test
	void manyThreadsRenderingAtOnceGetTheSameBytesAsOne() throws Exception {
		List<Object[]> cases = List.of(
				new Object[] { "police-hukou-cancellation", List.of(context("HUKOU_CANCELLATION", "POLICE_HUKOU")) },
				new Object[] { "civil-affairs-benefit-stop", List.of(context("DIBAO_STOP", "CIVIL_AFFAIRS", "刘䶮")) },
				new Object[] { "police-traffic-licence-cancellation",
						List.of(context("DRIVING_LICENCE_CANCELLATION", "POLICE_TRAFFIC")) },
				new Object[] { "medical-insurance-request",
						List.of(context("MEDICAL_ACCOUNT_WITHDRAWAL", "MEDICAL_INSURANCE")) });
		List<byte[]> expected = new ArrayList<>();
		for (Object[] c : cases) {
			expected.add(render(c));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				results.add(pool.submit(() -> {
					for (int i = 0; i < 200; i++) {
						int c = i % cases.size();
						if (!Arrays.equals(render(cases.get(c)), expected.get(c))) {
							return false;
						}
						Parsed parsed = ENGINE.parse((String) cases.get(c)[0], expected.get(c));
						if (!parsed.isValid()) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> r : results) {
				assertThat(r.get(30, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@SuppressWarnings("unchecked")
	private static byte[] render(Object[] c) {
		return ENGINE.render((String) c[0], (List<JsonNode>) c[1], BATCH).bytes();
	}

}
