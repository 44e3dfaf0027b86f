package cn.shanxi.lianban.intake;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.shanxi.lianban.casefile.ApplicationForm;
import cn.shanxi.lianban.support.FieldError;
import cn.shanxi.lianban.support.IdNumbers;
import cn.shanxi.lianban.support.PlainText;
import cn.shanxi.lianban.support.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Reads a form from JSON: unreadable JSON (trailing content after it too) is a 400, a
 * field of the wrong type or an unknown value is a 422 naming the field. Strict, as the
 * README promises: a boolean is {@code true} or {@code false}, not {@code "true"} or
 * {@code 0}; a text is a JSON string; no text holds a control character
 * ({@link PlainText}). ID numbers come out normalised (a lower-case {@code x} becomes
 * {@code X}, spaces dropped).
 */
@Component
public class FormReader {

	private final ObjectReader reader;

	FormReader(ObjectMapper json) {
		ObjectMapper strict = json.copy()
			.registerModule(new SimpleModule("lianban-plain-text").addDeserializer(String.class, new PlainStrings()))
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
		// a number where a text belongs ("phone": 13812345678) is the wrong type too
		strict.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		this.reader = strict.readerFor(ApplicationForm.class);
	}

	public ApplicationForm read(byte[] body) {
		if (body == null || body.length == 0) {
			throw ProblemException.unreadable("请求体为空 / The body is empty");
		}
		BindingProblems problems = new BindingProblems();
		try {
			ApplicationForm form = this.reader.withHandler(problems)
				.withAttribute(BindingProblems.class, problems)
				.readValue(body);
			if (form == null) {
				throw ProblemException.unreadable("请求体为 null / The body is null");
			}
			if (!problems.errors().isEmpty()) {
				throw ProblemException.invalid(problems.errors());
			}
			return normalise(form);
		}
		catch (UnrecognizedPropertyException ex) {
			throw ProblemException.invalid(List.of(new FieldError(path(ex), "field.unknown",
					"未知字段：" + ex.getPropertyName(), "Unknown field: " + ex.getPropertyName())));
		}
		catch (InvalidFormatException ex) {
			throw ProblemException.invalid(List.of(valueError(ex)));
		}
		catch (MismatchedInputException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("Trailing token")) {
				throw ProblemException.unreadable("JSON 之后还有多余的内容 / There is more content after the JSON value");
			}
			String field = path(ex);
			throw ProblemException.invalid(List.of(new FieldError(field, "type.mismatch", "字段类型不正确：" + field,
					"The field has the wrong type: " + field)));
		}
		catch (JsonMappingException ex) {
			String field = path(ex);
			throw ProblemException.invalid(List.of(new FieldError(field, "value.invalid", "字段值无效：" + field,
					"The field's value is invalid: " + field)));
		}
		catch (JacksonException ex) {
			throw ProblemException.unreadable(((JsonProcessingException) ex).getOriginalMessage());
		}
		catch (IOException ex) {
			throw ProblemException.unreadable(ex.getMessage());
		}
	}

	private static FieldError valueError(InvalidFormatException ex) {
		String field = path(ex);
		Class<?> target = ex.getTargetType();
		if (target != null && target.isEnum()) {
			String allowed = java.util.Arrays.stream(target.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return new FieldError(field, "value.unknown", field + " 的取值无效，可选值：" + allowed,
					field + " has an unknown value; allowed: " + allowed);
		}
		return new FieldError(field, "value.invalid", "字段值格式不正确：" + field,
				"The field's value has the wrong format: " + field);
	}

	private static String path(JsonMappingException ex) {
		StringBuilder out = new StringBuilder();
		for (JsonMappingException.Reference ref : ex.getPath()) {
			if (ref.getFieldName() != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(ref.getFieldName());
			}
			else if (ref.getIndex() >= 0) {
				out.append('[').append(ref.getIndex()).append(']');
			}
		}
		return out.isEmpty() ? "(body)" : out.toString();
	}

	private static ApplicationForm normalise(ApplicationForm f) {
		ApplicationForm.Applicant a = f.applicant();
		if (a != null) {
			a = new ApplicationForm.Applicant(a.name(), a.idType(), IdNumbers.normalise(a.idNumber()), trim(a.phone()),
					a.address(), a.relation());
		}
		ApplicationForm.Deceased d = f.deceased();
		if (d != null) {
			d = new ApplicationForm.Deceased(d.name(), IdNumbers.normalise(d.idNumber()), d.socialSecurityCardAccount(),
					d.bankAccount(), d.employerSettlementAccount(), d.housingFund(),
					(d.benefits() != null) ? d.benefits() : java.util.Collections.emptyList(), d.enterpriseEmployee(),
					d.workStatus(), d.diedOfWorkInjury(), d.medicalInsurance(), d.pensionInsurance(),
					d.householdRegionCode(), d.nonNormalDeath());
		}
		return new ApplicationForm(a, d, f.items(), f.commitment());
	}

	private static String trim(String s) {
		return (s != null) ? s.trim() : null;
	}

}
