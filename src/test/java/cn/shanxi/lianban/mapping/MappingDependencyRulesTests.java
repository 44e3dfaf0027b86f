package cn.shanxi.lianban.mapping;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The mapping engine turns contexts into bytes and back; it knows nothing of how they
 * travel, so an agency's transport can change without touching it.
 */
class MappingDependencyRulesTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.shanxi.lianban.mapping");

	@Test
	void mappingKnowsNothingOfTransportsDispatchOrTheDatabase() {
		noClasses().that()
			.resideInAPackage("cn.shanxi.lianban.mapping..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("cn.shanxi.lianban.delivery..", "cn.shanxi.lianban.dispatch..",
					"cn.shanxi.lianban.simulator..", "cn.shanxi.lianban.reply..", "org.apache.camel..",
					"org.springframework.jdbc..", "javax.sql..")
			.check(CLASSES);
	}

	@Test
	void mappingUsesOnlySupportOfTheHubsOwnPackages() {
		noClasses().that()
			.resideInAPackage("cn.shanxi.lianban.mapping..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("cn.shanxi.lianban.casefile..", "cn.shanxi.lianban.intake..",
					"cn.shanxi.lianban.certificate..", "cn.shanxi.lianban.partner..", "cn.shanxi.lianban.system..")
			.check(CLASSES);
	}

}
