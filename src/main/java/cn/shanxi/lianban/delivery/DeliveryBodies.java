package cn.shanxi.lianban.delivery;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.shanxi.lianban.mapping.Format;
import cn.shanxi.lianban.mapping.MappingEngine;
import cn.shanxi.lianban.mapping.MappingInfo;
import cn.shanxi.lianban.mapping.Rendered;
import org.springframework.stereotype.Component;

/**
 * What a delivery route gets as its body: the payload bytes, or — for an agency that
 * takes table rows — the row as column → typed value, rendered again from the kept
 * context (the same mapping, the same values), so the route binds each as a parameter.
 */
@Component
class DeliveryBodies {

	private final MappingEngine engine;

	private final ObjectMapper json;

	DeliveryBodies(MappingEngine engine, ObjectMapper json) {
		this.engine = engine;
		this.json = json;
	}

	Object body(Delivery delivery) {
		if (delivery.context() == null || delivery.kind() == Delivery.Kind.BATCH) {
			return delivery.payload();
		}
		MappingInfo info = this.engine.catalog().find(delivery.mappingId()).orElse(null);
		if (info == null || info.format() != Format.ROWS) {
			return delivery.payload();
		}
		Rendered rendered = this.engine.render(delivery.mappingId(), read(delivery.context()));
		List<Map<String, Object>> rows = rendered.rows();
		if (rows.size() != 1) {
			throw new IllegalStateException(delivery.mappingId() + " gave " + rows.size() + " rows for one work item");
		}
		return rows.get(0);
	}

	private JsonNode read(String context) {
		try {
			return this.json.readTree(context);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored render context is not JSON", ex);
		}
	}

}
