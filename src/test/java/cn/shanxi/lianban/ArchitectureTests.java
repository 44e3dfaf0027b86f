package cn.shanxi.lianban;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the packages (STYLE.md §4). */
@AnalyzeClasses(packages = "cn.shanxi.lianban", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule nothingImportsTheSimulator = noClasses().that()
		.resideOutsideOfPackage("..simulator..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..simulator..")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule supportImportsNothingOfOurs = noClasses().that()
		.resideInAPackage("cn.shanxi.lianban.support..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.shanxi.lianban.intake..", "cn.shanxi.lianban.casefile..",
				"cn.shanxi.lianban.dispatch..", "cn.shanxi.lianban.certificate..", "cn.shanxi.lianban.partner..",
				"cn.shanxi.lianban.mapping..", "cn.shanxi.lianban.delivery..", "cn.shanxi.lianban.reply..",
				"cn.shanxi.lianban.status..", "cn.shanxi.lianban.sla..", "cn.shanxi.lianban.system..",
				"cn.shanxi.lianban.guide..");

	/** Who acts is a plain type every package may take: it takes nothing of ours. */
	@ArchTest
	static final ArchRule whoActsImportsNothingOfOurs = noClasses().that()
		.resideInAPackage("cn.shanxi.lianban.access..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.shanxi.lianban", "cn.shanxi.lianban.intake..", "cn.shanxi.lianban.casefile..",
				"cn.shanxi.lianban.dispatch..", "cn.shanxi.lianban.certificate..", "cn.shanxi.lianban.partner..",
				"cn.shanxi.lianban.mapping..", "cn.shanxi.lianban.delivery..", "cn.shanxi.lianban.reply..",
				"cn.shanxi.lianban.status..", "cn.shanxi.lianban.sla..", "cn.shanxi.lianban.system..",
				"cn.shanxi.lianban.guide..", "cn.shanxi.lianban.account..", "cn.shanxi.lianban.audit..",
				"cn.shanxi.lianban.support..");

	@ArchTest
	static final ArchRule mappingKnowsNothingOfTransports = noClasses().that()
		.resideInAPackage("cn.shanxi.lianban.mapping..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.shanxi.lianban.delivery..", "cn.shanxi.lianban.dispatch..", "org.apache.camel..",
				"org.apache.sshd..")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule theCaseFileDependsOnNoUseCase = noClasses().that()
		.resideInAPackage("cn.shanxi.lianban.casefile..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.shanxi.lianban.intake..", "cn.shanxi.lianban.guide..",
				"cn.shanxi.lianban.certificate..", "cn.shanxi.lianban.dispatch..");

}
