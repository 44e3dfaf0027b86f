package cn.shanxi.lianban.mapping;

import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What expressions read: one record's context ({@code case}, {@code certificate},
 * {@code item}, {@code message}, {@code reply}) and the batch's ({@code batch}).
 */
record EvaluationContext(JsonNode record, JsonNode batch, ZoneId zone) {

	JsonNode root(String name) {
		if ("batch".equals(name) && this.batch != null) {
			return this.batch;
		}
		return (this.record != null) ? this.record.get(name) : null;
	}

}
