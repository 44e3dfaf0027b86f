package cn.shanxi.lianban.partner;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code lianban.partners}: the partner registry. Adding a partner is configuration, not
 * code.
 *
 * @param list the partners
 */
@ConfigurationProperties("lianban.partners")
public record PartnerProperties(List<Partner> list) {

	public PartnerProperties {
		list = (list != null) ? List.copyOf(list) : List.of();
	}

	/**
	 * One partner.
	 *
	 * @param code its code, also its SFTP user and its folder name
	 * ({@code [A-Za-z0-9_-]+})
	 * @param name its name, e.g. 山西省人民医院
	 * @param kind hospital, health centre, police, funeral home
	 * @param regionCode the 6-digit administrative region it sits in (where deaths it
	 * certifies happened)
	 * @param recordKinds which record kinds it may send: DEATH_MEDICAL, DEATH_NON_NORMAL,
	 * CREMATION
	 * @param apiKey its key for {@code POST /api/v1/certificates} (a secret)
	 * @param sftp its account on the hub's SFTP drop-box, or {@code null}
	 * @param fileCharset the charset of its files: UTF-8, GB18030 or GBK
	 * @param fileFormat the format of its files: CSV, XML or JSON
	 * @param institutionCode its unified social credit code (统一社会信用代码): the only issuer
	 * its records may name ({@code issuer.institutionCode}, {@code funeralHome.code});
	 * without one, a record naming any issuer code is refused
	 */
	public record Partner(String code, String name, PartnerKind kind, String regionCode, Set<String> recordKinds,
			String apiKey, Sftp sftp, Charset fileCharset, String fileFormat, String institutionCode) {

		@ConstructorBinding
		public Partner {
			recordKinds = (recordKinds != null) ? Set.copyOf(recordKinds) : Set.of();
			fileCharset = (fileCharset != null) ? fileCharset : java.nio.charset.StandardCharsets.UTF_8;
			fileFormat = (fileFormat != null) ? fileFormat : "CSV";
			institutionCode = (institutionCode != null && !institutionCode.isBlank())
					? institutionCode.trim().toUpperCase(java.util.Locale.ROOT) : null;
		}

		/** A partner without a registered institution code. */
		public Partner(String code, String name, PartnerKind kind, String regionCode, Set<String> recordKinds,
				String apiKey, Sftp sftp, Charset fileCharset, String fileFormat) {
			this(code, name, kind, regionCode, recordKinds, apiKey, sftp, fileCharset, fileFormat, null);
		}

	}

	/**
	 * A partner's account on the hub's SFTP drop-box.
	 *
	 * @param password its password (a secret), or {@code null} for key-only login
	 * @param publicKeys its public keys in OpenSSH {@code authorized_keys} form
	 * (ssh-ed25519, rsa, ecdsa)
	 */
	public record Sftp(String password, List<String> publicKeys) {

		public Sftp {
			publicKeys = (publicKeys != null) ? List.copyOf(publicKeys) : List.of();
		}

	}

}
