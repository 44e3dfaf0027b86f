package cn.shanxi.lianban.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@code lianban.agencies}: routing of work items by configuration, checked at start. */
class AgencyCatalogueTests {

	final Map<String, String> config = new LinkedHashMap<>();

	@Test
	void withoutConfigurationEveryItemGoesToItsDefaultAgency() {
		AgencyCatalogue catalogue = catalogue();
		for (WorkItemType type : WorkItemType.values()) {
			assertThat(catalogue.agencyFor(type)).isEqualTo(type.defaultAgency());
		}
		assertThat(catalogue.itemsOf("CIVIL_AFFAIRS")).hasSize(5);
		assertThat(catalogue.itemsOf("POLICE")).containsExactly(WorkItemType.DEATH_CERTIFICATE);
		assertThat(catalogue.routeOf("MEDICAL_INSURANCE")).isEqualTo("direct:medical-insurance-delivery");
	}

	@Test
	void anAgencyDefinedOnlyByConfigurationTakesOverTheItemsItLists() {
		this.config.put("lianban.agencies.DISABLED_PERSONS_FEDERATION.items[0]", "DISABILITY_CARE_SUBSIDY_STOP");
		this.config.put("lianban.agencies.DISABLED_PERSONS_FEDERATION.mapping", "dpf-subsidy-stop");
		this.config.put("lianban.agencies.DISABLED_PERSONS_FEDERATION.route", "direct:dpf");
		AgencyCatalogue catalogue = catalogue();
		assertThat(catalogue.agencyFor(WorkItemType.DISABILITY_CARE_SUBSIDY_STOP))
			.isEqualTo("DISABLED_PERSONS_FEDERATION");
		assertThat(catalogue.agencyFor(WorkItemType.DISABILITY_LIVING_SUBSIDY_STOP)).isEqualTo("CIVIL_AFFAIRS");
		assertThat(catalogue.itemsOf("CIVIL_AFFAIRS")).doesNotContain(WorkItemType.DISABILITY_CARE_SUBSIDY_STOP);
		assertThat(catalogue.codes()).contains("DISABLED_PERSONS_FEDERATION", "HRSS");
		assertThat(catalogue.routeOf("DISABLED_PERSONS_FEDERATION")).isEqualTo("direct:dpf");
	}

	@Test
	void unknownItemsAnItemGivenTwiceBadCodesAndBadNumbersFailTheStartAllAtOnce() {
		this.config.put("lianban.agencies.A_ONE.items[0]", "DIBAO_STOP");
		this.config.put("lianban.agencies.B_TWO.items[0]", "DIBAO_STOP");
		this.config.put("lianban.agencies.B_TWO.items[1]", "DIBAO_STOPP");
		this.config.put("lianban.agencies.lower.batch-size", "0");
		this.config.put("lianban.agencies.C_THREE.retry.jitter", "1.5");
		assertThatIllegalStateException().isThrownBy(this::catalogue)
			.withMessageContaining("lianban.agencies.B_TWO.items: DIBAO_STOP is already given to A_ONE")
			.withMessageContaining("lianban.agencies.B_TWO.items: DIBAO_STOPP is not a work item")
			.withMessageContaining("lianban.agencies.lower: an agency code is upper case")
			.withMessageContaining("lianban.agencies.lower.batch-size: 0 must be at least 1")
			.withMessageContaining("lianban.agencies.C_THREE.retry.jitter: must be between 0 and 1");
	}

	private AgencyCatalogue catalogue() {
		AgencyProperties properties = new Binder(new MapConfigurationPropertySource(this.config))
			.bind("lianban", AgencyProperties.class)
			.orElseGet(() -> new AgencyProperties(null));
		return new AgencyCatalogue(properties);
	}

}
