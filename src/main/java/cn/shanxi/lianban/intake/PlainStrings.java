package cn.shanxi.lianban.intake;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import cn.shanxi.lianban.support.PlainText;

/**
 * Reads every text of a form as Jackson does, and reports a text holding a control or
 * invisible formatting character ({@link PlainText}) to the request's
 * {@link BindingProblems}, naming its field: every text field, the ones added later too,
 * without a check per field.
 */
final class PlainStrings extends StdScalarDeserializer<String> {

	PlainStrings() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
		String value = StringDeserializer.instance.deserialize(p, ctxt);
		if (value != null) {
			int bad = PlainText.firstForbidden(value);
			if (bad >= 0 && ctxt.getAttribute(BindingProblems.class) instanceof BindingProblems problems) {
				problems.add(PlainText.error(BindingProblems.path(p.getParsingContext()), value, bad));
			}
		}
		return value;
	}

}
