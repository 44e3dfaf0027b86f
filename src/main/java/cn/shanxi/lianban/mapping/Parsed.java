package cn.shanxi.lianban.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed message. Each record holds its values at the dotted paths the mapping's
 * sources name ({@code reply.reference}, {@code reply.status}, …), typed as the context
 * carries them: text, numbers, booleans, ISO dates and times.
 *
 * @param records the records that parsed; a line with errors is left out and its errors
 * are listed
 * @param header a fixed-width header's values (e.g. {@code batch.count}), or {@code null}
 * @param trailer a fixed-width trailer's values, or {@code null}
 * @param errors what was wrong, line by line; empty when the message is exactly as the
 * mapping describes
 */
public record Parsed(List<ObjectNode> records, ObjectNode header, ObjectNode trailer, List<LineError> errors) {

	public boolean isValid() {
		return this.errors.isEmpty();
	}

}
