package cn.shanxi.lianban.certificate.file;

import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Proof that the drop-folder route has polled again, without sleeping: a small file of
 * another partner dropped now is answered only by a poll that also saw every file already
 * in the inboxes (the route lists them all, oldest first).
 */
final class Polls {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private static final byte[] SENTINEL = "kind,certificateNo\r\nCREMATION,POLL-SENTINEL\r\n"
		.getBytes(Charset.forName("GBK"));

	private Polls() {
	}

	/** Returns once a poll that started after this call has taken a file in. */
	static void passOne() {
		DropFolder funeralHome = new DropFolder("TYFH");
		String name = "poll-sentinel-" + SERIAL.incrementAndGet() + ".csv";
		funeralHome.drop(name, SENTINEL);
		funeralHome.awaitReceipt(name);
	}

}
