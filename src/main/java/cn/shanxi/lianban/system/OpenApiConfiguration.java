package cn.shanxi.lianban.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.support.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI's Authorize button takes the
 * {@code X-Api-Key}, or a person's user name and password): a real title and description,
 * operations tagged by capability in the order of a case (the simulator last, present
 * only where it runs: the embedded default), the application's form as its schema with
 * the contract's example, and every problem answer each operation can give, as
 * {@code application/problem+json}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String API_KEY = "X-Api-Key";

	/* security (issue 15): persons log in; a channel names the person it acts for */

	static final String PERSON = "person";

	static final String ON_BEHALF_OF = "X-On-Behalf-Of";

	/** The channel calls about a case, which name the person the channel acts for. */
	private static final List<String> ACTING_FOR = List.of("POST /api/v1/applications",
			"GET /api/v1/applications/{caseNo}", "POST /api/v1/applications/{caseNo}/attachments");

	/* end security */

	/**
	 * Tags in the order a case goes, each with the paths it covers (first match wins).
	 */
	private static final List<TagRule> TAGS = List.of(
			new TagRule("Operators 工作人员",
					"Clerks, operators and supervisors (logged-in persons): case lists, due items, "
							+ "parked messages and their replay, the messages sent about a case, holds to decide",
					"GET /api/v1/applications", "/api/v1/applications/{caseNo}/messages",
					"/api/v1/applications/{caseNo}/hold", "/api/v1/parked", "/api/v1/work-items"),
			new TagRule("Applications 联办申请",
					"The family's one application (附件2), its materials, and the case it opens (CHANNEL key)",
					"/api/v1/applications"),
			new TagRule("Guide 智能问答", "What an application would bring about, without storing anything",
					"/api/v1/guide"),
			new TagRule("Certificates 证明推送",
					"Death certificates and cremation records from hospitals, police and funeral homes (PARTNER key)",
					"/api/v1/certificates"),
			new TagRule("Agency replies 部门回复", "The agencies' answers about their work items (AGENCY key)",
					"/api/v1/agency-replies"),
			new TagRule("Simulator 模拟（仅内置默认）",
					"Pretend SMS gateway and agency supervisors of the embedded default; absent in production",
					"/simulator"));

	private static final Map<Integer, String> PROBLEMS = Map.of(400,
			"请求体不是有效的 JSON（或 JSON 之后还有内容） / The body is not valid JSON (or has content after it)", 401,
			"缺少或无效的 X-Api-Key（或人员的用户名和密码） / Missing or unknown X-Api-Key (or a person's user name and password)", 403,
			"该凭据无权执行此操作 / A key of another role", 404,
			"不存在（路径中的编号无效也是 404） / Not found (an id in the path that cannot be one too)", 409,
			"与已有记录冲突：见 type 与 detail / Conflicts with what is on record: see type and detail", 413,
			"请求或附件过大 / The body or a file is too large", 415, "不支持的内容类型 / Unsupported content type", 422,
			"内容有误：errors 列出每一项不同的问题（至多 50 项） / Invalid: errors lists each distinct problem (at most 50)", 503,
			"受理繁忙，未保存任何内容，请用同一 Idempotency-Key 重试 / Busy: nothing stored, retry with the same Idempotency-Key");

	/** Answers beyond the general ones, by operation. */
	private static final Map<String, List<Integer>> MORE = Map.of("POST /api/v1/applications", List.of(409, 503),
			"POST /api/v1/parked/{id}/replay", List.of(409), "POST /api/v1/applications/{caseNo}/hold/confirm",
			List.of(409), "POST /api/v1/applications/{caseNo}/hold/reject", List.of(409));

	@Bean
	OpenAPI lianbanOpenApi() {
		return new OpenAPI().info(new Info().title("lianban 联办 — 公民身后“一件事”联办服务 API").version("v1").description("""
				The integration hub of Shanxi's joint service after a death: the family applies once, \
				the hub gets every agency to do its part and tells the family where everything stands.

				* **Credentials**: a machine client carries `X-Api-Key`; the key's role (CHANNEL, PARTNER, \
				AGENCY, MONITOR) decides what it may do. A person (CLERK, OPERATOR, SUPERVISOR, AUDITOR, \
				ADMIN) logs in as themselves: HTTP Basic for scripts, or the `/login` page. The embedded \
				default's demo keys and people are in the README (e.g. `demo-web-key`, \
				`operator` / `demo-operator-password`); press *Authorize* to use one here.
				* **Channels act for a person**: every channel call about a case names the person the \
				channel authenticated in `X-On-Behalf-Of` (their ID number; `400` without it); a case \
				answers only its applicant (on another channel with `X-Access-Code`, the `accessCode` \
				of the `201`), any other is the `404` of an unknown case.
				* **Problems**: every refusal is `application/problem+json` with `type`, `title` and \
				`detail` in Chinese and English and, for invalid input, `errors` (`field`, `code`, \
				`message`, `messageEn`), one per distinct problem. Nothing is stored for a refused request.
				* **One case per deceased**: a second application for a deceased whose case is not \
				REJECTED is a `409` naming that case (`caseNo`, `caseUrl`): follow it instead.
				* The README lists every addition to the public contract."""))
			.components(new Components()
				.addSecuritySchemes(API_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name(API_KEY)
							.description("The caller's key; its role decides what it may do"))
				.addSecuritySchemes(PERSON,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A person's user name and password; their role decides what they may do")))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY))
			.addSecurityItem(new SecurityRequirement().addList(PERSON));
	}

	@Bean
	OpenApiCustomizer lianbanOperations(ObjectMapper json) {
		return (api) -> {
			Components components = api.getComponents();
			schemas(components, ApplicationForm.class);
			schemas(components, Problem.class);
			Object example = example(json);
			List<Tag> used = new ArrayList<>();
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				String key = method.name() + " " + path;
				TagRule tag = tagOf(method, path);
				operation.setTags(List.of(tag.name()));
				if (used.stream().noneMatch((t) -> t.getName().equals(tag.name()))) {
					used.add(new Tag().name(tag.name()).description(tag.description()));
				}
				if ("POST /api/v1/applications".equals(key) || "POST /api/v1/guide".equals(key)) {
					form(operation, example, "POST /api/v1/guide".equals(key));
				}
				if (ACTING_FOR.contains(key)) {
					actingFor(operation);
				}
				problems(operation, path, key);
			}));
			used.sort(Comparator.comparingInt((t) -> TAGS.indexOf(rule(t.getName()))));
			api.setTags(used);
		};
	}

	/**
	 * The form as the body's schema with the contract's example, for JSON and multipart.
	 */
	private static void form(Operation operation, Object example, boolean guide) {
		if (operation.getRequestBody() == null) {
			return;
		}
		Content content = operation.getRequestBody().getContent();
		Schema<?> form = new Schema<>().$ref("#/components/schemas/ApplicationForm");
		MediaType json = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
		if (json != null) {
			json.schema(form).example(example);
		}
		MediaType multipart = content.get(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE);
		if (multipart != null && !guide) {
			multipart.schema(new ObjectSchema().addProperty("application", form)
				.addProperty("deceasedIdDocument", new BinarySchema().description("死亡人员身份证或户口页: JPEG, PNG or PDF"))
				.addProperty("applicantIdDocument", new BinarySchema().description("申请人身份证: JPEG, PNG or PDF"))
				.required(List.of("application")));
			multipart.addEncoding("application", new Encoding().contentType("application/json"));
		}
	}

	/**
	 * A channel's call about a case: the person it acts for, and the 400 without them.
	 */
	private static void actingFor(Operation operation) {
		operation.addParametersItem(new HeaderParameter().name(ON_BEHALF_OF)
			.schema(new StringSchema().pattern("^[0-9]{17}[0-9X]$"))
			.description("渠道已实名认证的办事人身份证号（渠道调用必填） / The ID number of the person the channel "
					+ "authenticated (required of a channel)"));
		Content problem = new Content().addMediaType(Problem.MEDIA_TYPE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
		if (operation.getRequestBody() == null) {
			operation.getResponses()
				.putIfAbsent("400",
						new ApiResponse()
							.description("缺少或无效的 X-On-Behalf-Of / X-On-Behalf-Of missing or not a valid ID number")
							.content(problem));
		}
	}

	/** Every problem answer the operation can give. */
	private static void problems(Operation operation, String path, String key) {
		List<Integer> statuses = new ArrayList<>();
		if (path.startsWith("/api/")) {
			statuses.addAll(List.of(401, 403));
		}
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		if (path.contains("{")) {
			statuses.add(404);
		}
		if (operation.getRequestBody() != null) {
			statuses.addAll(List.of(400, 413, 415, 422));
		}
		else if (parameters.stream().anyMatch((p) -> "query".equals(p.getIn()))) {
			statuses.add(422);
		}
		statuses.addAll(MORE.getOrDefault(key, List.of()));
		Content problem = new Content().addMediaType(Problem.MEDIA_TYPE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
		statuses.stream()
			.distinct()
			.sorted()
			.forEach((status) -> operation.getResponses()
				.putIfAbsent(String.valueOf(status),
						new ApiResponse().description(PROBLEMS.get(status)).content(problem)));
	}

	private static TagRule tagOf(PathItem.HttpMethod method, String path) {
		for (TagRule rule : TAGS) {
			if (rule.covers(method.name(), path)) {
				return rule;
			}
		}
		return TAGS.get(TAGS.size() - 1);
	}

	private static TagRule rule(String name) {
		return TAGS.stream().filter((r) -> r.name().equals(name)).findFirst().orElseThrow();
	}

	private static void schemas(Components components, Class<?> type) {
		ModelConverters.getInstance().readAll(type).forEach(components::addSchemas);
	}

	private static Object example(ObjectMapper json) {
		try (InputStream in = OpenApiConfiguration.class.getResourceAsStream("/openapi/application.example.json")) {
			return json.readValue(in, LinkedHashMap.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A tag and the paths it covers: a prefix, or {@code METHOD path} for that method and
	 * that path exactly.
	 */
	private record TagRule(String name, String description, String... paths) {

		boolean covers(String method, String path) {
			for (String p : this.paths) {
				int space = p.indexOf(' ');
				if (space > 0 ? (p.substring(0, space).equals(method) && p.substring(space + 1).equals(path))
						: (path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "?"))) {
					return true;
				}
			}
			return false;
		}

	}

}
