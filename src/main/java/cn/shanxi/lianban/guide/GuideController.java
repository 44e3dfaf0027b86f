package cn.shanxi.lianban.guide;

import io.swagger.v3.oas.annotations.Operation;

import cn.shanxi.lianban.intake.FormReader;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/guide}: the same body as an application, any part of it; stores
 * nothing.
 */
@RestController
class GuideController {

	private final FormReader reader;

	private final Guide guide;

	GuideController(FormReader reader, Guide guide) {
		this.reader = reader;
		this.guide = guide;
	}

	@Operation(summary = "Which work items the hub would create, which need the window and why, what to bring")
	@PostMapping(path = "/api/v1/guide", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	GuideAnswer guide(@RequestBody byte[] body) {
		return this.guide.answer(this.reader.read(body));
	}

}
