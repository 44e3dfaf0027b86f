package cn.shanxi.lianban.certificate.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.shanxi.lianban.partner.PartnerRegistry;
import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.ProblemException;
import cn.shanxi.lianban.support.QueryParameters;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/partner-files} for operators (OPERATOR): every partner file taken in
 * or set aside, newest first, paged. Parameters are read as text and checked here, so a
 * wrong one is a 422 naming it, in Chinese and English.
 */
@RestController
@Tag(name = "Partner files", description = "Files partners dropped, and what became of them (operators)")
class PartnerFilesController {

	private static final int LARGEST_PAGE = 200;

	private final PartnerFileListing listing;

	private final PartnerRegistry partners;

	PartnerFilesController(PartnerFileListing listing, PartnerRegistry partners) {
		this.listing = listing;
		this.partners = partners;
	}

	@Operation(summary = "Partner files, newest first: taken in (with outcome counts and receipt) or set aside "
			+ "into error/ (with the reason: unreadable, cut-off upload, abandoned temporary file, unexpected error)")
	@GetMapping(path = "/api/v1/partner-files", produces = MediaType.APPLICATION_JSON_VALUE)
	PartnerFileListing.Page list(
			@Parameter(description = "a partner code, e.g. SXPH") @RequestParam(required = false) String partner,
			@Parameter(description = "IN_PROGRESS, RECEIPTED or ERROR; or one exact status: COMPLETED, UNREADABLE, "
					+ "INTERRUPTED, EXPIRED, FAILED") @RequestParam(required = false) String state,
			@Parameter(description = "from 0") @RequestParam(defaultValue = "0") String page,
			@Parameter(description = "1-200") @RequestParam(defaultValue = "50") String size) {
		List<FieldError> errors = new ArrayList<>();
		String code = null;
		if (partner != null && !partner.isBlank()) {
			code = partner.trim();
			if (this.partners.find(code).isEmpty()) {
				errors.add(new FieldError("partner", "partner.unknown", "未登记的机构代码：" + code,
						"No partner has the code " + code));
			}
		}
		String[] statuses = null;
		if (state != null && !state.isBlank()) {
			statuses = statuses(state.trim());
			if (statuses == null) {
				errors.add(new FieldError("state", "state.unknown", "未知的文件状态：" + state + "，可选 " + choices(),
						"Unknown file state " + state + ", one of " + choices()));
			}
		}
		int pageNo = QueryParameters.wholeNumber(page, "page", 0, 1_000_000, errors);
		int pageSize = QueryParameters.wholeNumber(size, "size", 1, LARGEST_PAGE, errors);
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		return this.listing.find(new PartnerFileListing.Query(code, statuses, pageNo, pageSize));
	}

	/** A coarse state's statuses, or one exact status; {@code null} when neither. */
	private static String[] statuses(String state) {
		for (PartnerFileListing.State s : PartnerFileListing.State.values()) {
			if (s.name().equals(state)) {
				return s.statuses();
			}
		}
		for (FileStatus s : FileStatus.values()) {
			if (s.name().equals(state)) {
				return new String[] { s.name() };
			}
		}
		return null;
	}

	private static String choices() {
		return Arrays.toString(Stream
			.concat(Arrays.stream(PartnerFileListing.State.values()).map(Enum::name),
					Arrays.stream(FileStatus.values()).map(Enum::name).filter((s) -> !s.equals("IN_PROGRESS")))
			.toArray());
	}

}
