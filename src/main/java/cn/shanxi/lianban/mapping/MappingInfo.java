package cn.shanxi.lianban.mapping;

import java.nio.charset.Charset;

/**
 * What a transport or an operator needs to know about a mapping, without its fields.
 *
 * @param id e.g. {@code police-hukou-cancellation}
 * @param title Chinese / English
 * @param agency the agency, e.g. {@code POLICE_HUKOU}
 * @param direction {@code REQUEST} or {@code REPLY}
 * @param format the format
 * @param charset the agency's charset
 * @param contentType what to declare on the wire
 */
public record MappingInfo(String id, String title, String agency, String direction, Format format, Charset charset,
		String contentType) {

	static MappingInfo of(CompiledMapping m) {
		return new MappingInfo(m.id(), m.title(), m.agency(), (m.direction() != null) ? m.direction().name() : null,
				m.format(), m.charset(), m.contentType());
	}

}
