package cn.shanxi.lianban.certificate;

/** What became of one record a partner sent, as its receipt line says. */
public enum Outcome {

	/** Stored: a new certificate, or a newer version of one. */
	ACCEPTED,
	/** The same version with the same content is already on record: nothing changed. */
	DUPLICATE,
	/** Older than the version on record: ignored. */
	STALE,
	/** Not valid, or not this partner's to send: nothing changed. */
	REJECTED

}
