package cn.shanxi.lianban.mapping;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class MappingConfigurationTests {

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class,
			MappingConfiguration.class);

	@Test
	void theEngineIsABeanOverTheFoldersConfigured() {
		this.context.withPropertyValues("lianban.mappings.dir=mappings, src/test/resources/mapping/extra")
			.run((ctx) -> assertThat(ctx.getBean(MappingEngine.class).catalog().ids()).contains("test-gbk-payment",
					"police-hukou-cancellation"));
	}

	@Test
	void aBrokenOrMissingFolderStopsTheStart() {
		this.context.withPropertyValues("lianban.mappings.dir=no-such-folder")
			.run((ctx) -> assertThat(ctx).getFailure()
				.rootCause()
				.isInstanceOf(MappingDefinitionException.class)
				.hasMessageContaining("no-such-folder: the mappings folder does not exist"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MappingProperties.class)
	static class Properties {

	}

}
