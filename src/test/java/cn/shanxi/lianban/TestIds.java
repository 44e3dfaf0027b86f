package cn.shanxi.lianban;

import java.util.concurrent.atomic.AtomicInteger;

import cn.shanxi.lianban.support.IdNumbers;

/**
 * Valid, distinct resident ID numbers for tests, so tests sharing a database never
 * collide.
 */
public final class TestIds {

	private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 500_000));

	private TestIds() {
	}

	/**
	 * A valid ID number of someone born in 1950-1969 in the given region (e.g. 140105).
	 */
	public static String next(String region) {
		int n = SERIAL.incrementAndGet();
		int year = 1950 + (n / 1000) % 20;
		int day = 1 + (n / 20_000) % 28;
		int month = 1 + (n / 560_000) % 12;
		String body = region + String.format("%04d%02d%02d%03d", year, month, day, n % 1000);
		return body + IdNumbers.checkChar(body);
	}

	/** A deceased or applicant registered in Taiyuan, Xiaodian district. */
	public static String next() {
		return next("140105");
	}

}
