package cn.shanxi.lianban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import cn.shanxi.lianban.certificate.CertificateStore.Current;
import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.certificate.SubmissionLog.Counts;
import cn.shanxi.lianban.certificate.SubmissionLog.Submission;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use case "take in what a partner sent": validates every record, applies the good
 * ones to the certificates and their cases, and records the receipt line of each — one
 * transaction per chunk of records (not per record, not per file), so a file of 100,000
 * records is fast, and a file cut short by a crash resumes after its last whole chunk.
 */
@Component
public class CertificateIngestion {

	private final CertificateStore store;

	private final SubmissionLog submissions;

	private final CaseMatching matching;

	private final TransactionTemplate transaction;

	private final RecordValidator validator;

	private final Clock clock;

	private final int chunkSize;

	private final int parallelChunks;

	CertificateIngestion(CertificateStore store, SubmissionLog submissions, CaseMatching matching,
			TransactionTemplate transaction, Clock clock,
			@Value("${lianban.certificates.chunk-size:2000}") int chunkSize,
			@Value("${lianban.certificates.parallel-chunks:2}") int parallelChunks) {
		this.store = store;
		this.submissions = submissions;
		this.matching = matching;
		this.transaction = transaction;
		this.validator = new RecordValidator(clock);
		this.clock = clock;
		this.chunkSize = chunkSize;
		this.parallelChunks = parallelChunks;
	}

	/**
	 * Takes in the records of one file or request.
	 * @param fileName the file's name ({@code null} for a request): with the hash, it
	 * finds the unfinished submission of the same file to resume
	 * @param replies collects the receipt lines of the records processed now (not of
	 * those done before a resume), or {@code null}
	 */
	public Result ingest(Partner partner, Channel channel, String fileName, Long size, String sha256,
			Iterator<RawRecord> records, List<ReceiptLine> replies) {
		return ingest(partner, channel, fileName, size, sha256, records,
				(replies != null) ? replies::addAll : (lines) -> {
				});
	}

	/**
	 * Takes in the records of one file or request, handing the receipt lines of each
	 * chunk to {@code committed} once its transaction has committed (not those done
	 * before a resume).
	 */
	public Result ingest(Partner partner, Channel channel, String fileName, Long size, String sha256,
			Iterator<RawRecord> records, Consumer<List<ReceiptLine>> committed) {
		Submission submission = this.submissions.begin(partner.code(), channel, fileName, size, sha256);
		try (ChunkPipeline<Prepared> chunks = new ChunkPipeline<>(records, submission.linesDone(), this.chunkSize,
				(chunk) -> prepare(partner, chunk));
				OrderedChunks<List<ReceiptLine>> applying = new OrderedChunks<>(this.parallelChunks, committed)) {
			// once a chunk of this submission met certificates on record, the later ones
			// look theirs up before they copy
			AtomicBoolean metSome = new AtomicBoolean();
			for (Prepared chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
				Prepared prepared = chunk;
				applying.submit(prepared.keys(), (turn) -> {
					Insert insert = metSome.get() ? Insert.LOOK_UP_AND_COPY : Insert.COPY;
					try {
						return this.transaction
							.execute((status) -> apply(partner, submission.id(), prepared, insert, turn));
					}
					catch (DuplicateKeyException ex) {
						// some were on record already, or another file or request
						// stored them meanwhile: the chunk is redone with the insert
						// that lets them be
						metSome.set(true);
						return this.transaction
							.execute((status) -> apply(partner, submission.id(), prepared, Insert.ON_CONFLICT, turn));
					}
				});
			}
			applying.finish();
		}
		Counts counts = this.transaction.execute((status) -> this.submissions.complete(submission.id()));
		return new Result(submission.id(), counts, submission.linesDone() > 0);
	}

	/** Validates a chunk: no database, outside any transaction. */
	private Prepared prepare(Partner partner, List<RawRecord> chunk) {
		ReceiptLine[] lines = new ReceiptLine[chunk.size()];
		List<CertificateRecord> valid = new ArrayList<>(chunk.size());
		int[] validAt = new int[chunk.size()];
		for (int i = 0; i < chunk.size(); i++) {
			RawRecord raw = chunk.get(i);
			RecordValidator.Result result = this.validator.validate(raw, partner);
			if (result.isValid()) {
				valid.add(result.record());
				validAt[valid.size() - 1] = i;
			}
			else {
				lines[i] = new ReceiptLine(raw.lineNo(), raw.get(RecordFields.KIND), raw.get("certificateNo"),
						Outcome.REJECTED, result.errors());
			}
		}
		return new Prepared(lines, valid, validAt);
	}

	/**
	 * Stores a validated chunk, applies it to the cases and records its receipt lines.
	 * @param insert how new certificates go in
	 * @param turn waits until every earlier chunk has committed (see
	 * {@link OrderedChunks})
	 */
	private List<ReceiptLine> apply(Partner partner, long submissionId, Prepared chunk, Insert insert, Runnable turn) {
		Instant now = this.clock.instant();
		ReceiptLine[] lines = chunk.lines();
		List<CertificateRecord> valid = chunk.valid();
		// the first record of each certificate in the chunk tries the
		// one-statement insert
		Set<String> seen = new HashSet<>();
		List<CertificateRecord> firsts = new ArrayList<>();
		for (CertificateRecord r : valid) {
			if (seen.add(r.key())) {
				firsts.add(r);
			}
		}
		Set<String> inserted = (insert == Insert.ON_CONFLICT)
				? this.store.insertNew(partner.code(), submissionId, firsts, now)
				: this.store.copyNew(partner.code(), submissionId, firsts, now, insert == Insert.LOOK_UP_AND_COPY);
		List<Applied> applied = new ArrayList<>();
		Set<String> insertedNow = new HashSet<>();
		for (int v = 0; v < valid.size(); v++) {
			CertificateRecord r = valid.get(v);
			int i = chunk.validAt()[v];
			if (inserted.contains(r.key()) && insertedNow.add(r.key())) {
				lines[i] = accepted(r);
				applied.add(new Applied(r.kind(), r.certificateNo(), partner.code(), r.action() == RecordAction.VOID,
						false, r.deceasedIdNumber(), r.householdRegionCode(), r.deathRegionCode(), r.voidReason(),
						r.deceasedName()));
			}
			else {
				lines[i] = applyToExisting(partner, submissionId, r, now, applied);
			}
		}
		turn.run(); // every earlier chunk of the file has committed
		this.matching.certificatesApplied(applied);
		List<ReceiptLine> result = List.of(lines);
		this.submissions.recordLines(submissionId, result);
		return result;
	}

	/** A record for a certificate already on record: compare versions. */
	private ReceiptLine applyToExisting(Partner partner, long submissionId, CertificateRecord r, Instant now,
			List<Applied> applied) {
		Optional<Current> found = this.store.lockCurrent(r.kind(), r.certificateNo());
		if (found.isEmpty()) {
			// cannot happen: the insert met a row, which is never deleted
			throw new IllegalStateException("certificate row vanished: " + r.kind());
		}
		Current current = found.get();
		if (!current.partnerCode().equals(partner.code())) {
			return line(r, Outcome.REJECTED, Reason.of("certificate.otherIssuer", "该证书由其他机构签发，本机构不能更正或作废",
					"This certificate was issued by another partner: only its issuer may correct or void it"));
		}
		int order = r.compareVersion(current.version(), current.issuedAt());
		if (order < 0) {
			return line(r, Outcome.STALE, Reason.of("version.stale", "已有更新的版本，此版本不予处理",
					"A newer version is on record: this one changes nothing"));
		}
		if (order == 0) {
			if (r.sha256().equals(current.contentSha256())) {
				return line(r, Outcome.DUPLICATE, Reason.of("record.duplicate", "该记录已收到，未作改动",
						"This record was received before: nothing changed"));
			}
			return line(r, Outcome.REJECTED, Reason.of("version.conflict", "版本号与已有记录相同但内容不同，更正须使用更高的版本号",
					"Same version as on record but different content: a correction needs a higher version"));
		}
		applied.add(this.store.replace(current, r, submissionId, now));
		return accepted(r);
	}

	private static ReceiptLine accepted(CertificateRecord r) {
		return new ReceiptLine(r.lineNo(), r.kind().name(), r.certificateNo(), Outcome.ACCEPTED, List.of());
	}

	private static ReceiptLine line(CertificateRecord r, Outcome outcome, Reason reason) {
		return new ReceiptLine(r.lineNo(), r.kind().name(), r.certificateNo(), outcome, List.of(reason));
	}

	/** How the new certificates of a chunk go in (see {@link CertificateStore}). */
	private enum Insert {

		/** All with COPY: fails if any is on record. */
		COPY,

		/** Those not found on record with COPY: fails if another transaction races. */
		LOOK_UP_AND_COPY,

		/** One statement that leaves those on record be. */
		ON_CONFLICT

	}

	/**
	 * A validated chunk: the refused records' lines filled in, the valid ones to store.
	 */
	private record Prepared(ReceiptLine[] lines, List<CertificateRecord> valid, int[] validAt) {

		Set<String> keys() {
			Set<String> keys = new HashSet<>();
			for (CertificateRecord r : this.valid) {
				keys.add(r.key());
			}
			return keys;
		}

	}

	/**
	 * @param resumed the submission was an unfinished one, resumed
	 */
	public record Result(long submissionId, Counts counts, boolean resumed) {
	}

}
