package cn.shanxi.lianban;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A fixed single-thread job the benchmarks time before they start, so that figures taken
 * on different machines can be compared: the machines of one kind are not equally fast (a
 * run of the certificate benchmark took 2.6 times the CPU of the same code on the machine
 * of the day before).
 */
public final class MachineSpeed {

	private MachineSpeed() {
	}

	/** One line: the job's median time over seven timed runs, after five untimed. */
	public static String describe() {
		return String.format(Locale.ROOT,
				"machine    : the reference job (sort 1M ints, 200k map entries, one thread) takes %.0f ms here",
				medianMillis());
	}

	/**
	 * The job's median time, in ms; timed again after a run, it tells whether the machine
	 * (its neighbours) changed speed meanwhile.
	 */
	public static double medianMillis() {
		long[] times = new long[7];
		long check = 0;
		for (int i = 0; i < 5; i++) {
			check += job();
		}
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			check += job();
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		if (check == 42) {
			// never: keeps the JIT from dropping the job as dead code
			System.out.println(check);
		}
		return times[3] / 1e6;
	}

	private static long job() {
		Random random = new Random(42);
		int[] numbers = new int[1_000_000];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = random.nextInt();
		}
		Arrays.sort(numbers);
		Map<String, Integer> map = new HashMap<>();
		for (int i = 0; i < 200_000; i++) {
			map.put("key-" + i, i);
		}
		long sum = 0;
		for (int i = 0; i < 200_000; i++) {
			sum += map.get("key-" + i);
		}
		return sum + numbers[numbers.length / 2];
	}

}
