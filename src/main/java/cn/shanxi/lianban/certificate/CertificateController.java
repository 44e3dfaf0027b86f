package cn.shanxi.lianban.certificate;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import cn.shanxi.lianban.certificate.SubmissionLog.Channel;
import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import cn.shanxi.lianban.partner.PartnerRegistry;
import cn.shanxi.lianban.support.Problem;
import cn.shanxi.lianban.access.Actor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/certificates}: a partner sends one record or
 * {@code {"records":[…]}} and gets the receipt back, one line per record. The partner is
 * the one its API key names, whatever the body says.
 */
@RestController
class CertificateController {

	private final CertificateIngestion ingestion;

	private final PartnerRegistry partners;

	private final int maxRecords;

	CertificateController(CertificateIngestion ingestion, PartnerRegistry partners,
			@Value("${lianban.certificates.max-records-per-request:1000}") int maxRecords) {
		this.ingestion = ingestion;
		this.partners = partners;
		this.maxRecords = maxRecords;
	}

	@PostMapping(path = "/api/v1/certificates", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> submit(@RequestBody JsonNode body, @AuthenticationPrincipal Actor client) {
		Partner partner = (client != null) ? this.partners.find(client.partner()).orElse(null) : null;
		if (partner == null) {
			return problem(Problem.of(403, "partner.unknown", "该凭据不属于已登记的报送机构",
					"This key belongs to no registered partner", "请联系平台登记机构信息 / Ask the hub to register the partner"));
		}
		List<RawRecord> records = TreeRecords.records(body);
		if (records == null || records.isEmpty()) {
			return problem(Problem.of(422, "records.none", "请求中没有可识别的记录", "The request holds no record",
					"请发送一条记录或 {\"records\":[...]} / Send one record or {\"records\":[...]}"));
		}
		if (records.size() > this.maxRecords) {
			return problem(Problem.of(422, "records.tooMany", "一次最多报送 " + this.maxRecords + " 条记录",
					"At most " + this.maxRecords + " records per request",
					"请分批报送或使用文件 / Split the batch or send a file"));
		}
		List<ReceiptLine> lines = new ArrayList<>(records.size());
		CertificateIngestion.Result result = this.ingestion.ingest(partner, Channel.REST, null, null, null,
				records.iterator(), lines);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Receipt.of(result, lines));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Problem> unreadable(HttpMessageNotReadableException ex) {
		return problem(Problem.of(400, "json.unreadable", "请求体不是有效的 JSON", "The body is not readable JSON",
				"请检查 JSON 语法与编码（UTF-8） / Check the JSON syntax and its encoding (UTF-8)"));
	}

	private static ResponseEntity<Problem> problem(Problem problem) {
		return ResponseEntity.status(problem.status())
			.contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
			.body(problem);
	}

	/** The receipt (回执) of a request. */
	record Receipt(long submissionId, int records, int accepted, int duplicate, int stale, int rejected,
			List<Line> lines) {

		static Receipt of(CertificateIngestion.Result result, List<ReceiptLine> lines) {
			var c = result.counts();
			return new Receipt(result.submissionId(), c.records(), c.accepted(), c.duplicate(), c.stale(), c.rejected(),
					lines.stream().map(Line::of).toList());
		}

	}

	/** One record's outcome; {@code reasons} as field errors are written elsewhere. */
	record Line(int lineNo, String kind, String certificateNo, Outcome outcome, List<LineReason> reasons) {

		static Line of(ReceiptLine l) {
			return new Line(l.lineNo(), l.kind(), l.certificateNo(), l.outcome(),
					l.reasons().stream().map((r) -> new LineReason(r.code(), r.zh(), r.en())).toList());
		}

	}

	record LineReason(String code, String message, String messageEn) {
	}

}
