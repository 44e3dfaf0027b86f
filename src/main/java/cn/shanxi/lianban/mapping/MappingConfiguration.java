package cn.shanxi.lianban.mapping;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue is loaded once at start: a broken mapping file stops the hub with every
 * problem listed, rather than failing a delivery later.
 */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

	@Bean
	MappingCatalog mappingCatalog(MappingProperties properties) {
		return MappingCatalog.load(properties.paths());
	}

	@Bean
	MappingEngine mappingEngine(MappingCatalog catalog) {
		return new MappingEngine(catalog);
	}

}
