package cn.shanxi.lianban.dispatch;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.rules}: the facts of the rules that differ by place.
 *
 * @param funeralGrantRegions region codes, or prefixes of them, that have the
 * resident-pension funeral grant scheme (城乡居民养老保险丧葬补助金, "已建立丧葬补助金制度的地区")
 */
@ConfigurationProperties("lianban.rules")
public record RuleProperties(List<String> funeralGrantRegions) {

	public RuleProperties {
		funeralGrantRegions = (funeralGrantRegions != null) ? List.copyOf(funeralGrantRegions) : List.of();
	}

	public boolean hasFuneralGrant(String regionCode) {
		return this.funeralGrantRegions.stream().anyMatch((prefix) -> regionCode.startsWith(prefix.trim()));
	}

}
