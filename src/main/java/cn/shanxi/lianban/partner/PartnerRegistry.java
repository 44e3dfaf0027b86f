package cn.shanxi.lianban.partner;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;
import cn.shanxi.lianban.system.ApiKeys;
import org.springframework.stereotype.Component;

/**
 * The partners the hub knows, by code; registers their API keys with the key registry.
 */
@Component
public class PartnerRegistry {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

	/** 统一社会信用代码: 18 characters of GB 32100's alphabet (no I, O, S, V, Z). */
	private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NP-RTUWXY]{18}");

	private final Map<String, PartnerProperties.Partner> byCode = new LinkedHashMap<>();

	PartnerRegistry(PartnerProperties properties, ApiKeys keys) {
		for (PartnerProperties.Partner p : properties.list()) {
			if (p.code() == null || !CODE.matcher(p.code()).matches()) {
				throw new IllegalStateException("lianban.partners: code '" + p.code()
						+ "' must be 1-40 letters, digits, '-' or '_' (it names the partner's folder)");
			}
			if (p.institutionCode() != null && !CREDIT_CODE.matcher(p.institutionCode()).matches()) {
				throw new IllegalStateException("lianban.partners: " + p.code() + ".institution-code '"
						+ p.institutionCode() + "' is not a unified social credit code (18 characters of GB 32100)");
			}
			if (this.byCode.put(p.code(), p) != null) {
				throw new IllegalStateException("lianban.partners: code " + p.code() + " is used twice");
			}
			if (p.apiKey() != null && !p.apiKey().isBlank()) {
				keys.register(p.apiKey(),
						Actor.client("partner:" + p.code(), Role.PARTNER, null, null, p.code(), null));
			}
		}
	}

	public Optional<PartnerProperties.Partner> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	public Collection<PartnerProperties.Partner> all() {
		return this.byCode.values();
	}

}
