package cn.shanxi.lianban;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The example application form (shared/api/application.example.json) with fresh ID
 * numbers.
 */
public final class Forms {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Forms() {
	}

	/** The example, as published in the contract. */
	public static ObjectNode example() {
		try (InputStream in = Forms.class.getResourceAsStream("/forms/application.example.json")) {
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The example for a new deceased (and applicant), so cases from different tests never
	 * meet.
	 */
	public static ObjectNode fresh() {
		ObjectNode form = example();
		form.with("deceased").put("idNumber", TestIds.next());
		form.with("applicant").put("idNumber", TestIds.next());
		return form;
	}

	public static ObjectNode at(ObjectNode form, String path) {
		ObjectNode node = form;
		for (String part : path.split("\\.")) {
			node = node.with(part);
		}
		return node;
	}

}
