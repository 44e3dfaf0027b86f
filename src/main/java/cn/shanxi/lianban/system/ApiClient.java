package cn.shanxi.lianban.system;

/**
 * A caller of the API, named by its {@code X-Api-Key}. One role per key (CONTRACT.md
 * §Credentials); the channel, partner code or agency that the role needs comes with the
 * key, never from a body.
 */
public record ApiClient(String id, Role role, String channel, String partner, String agency) {

	public enum Role {

		/** A channel the family applies through: portal, mini-program, app, window. */
		CHANNEL,
		/**
		 * A hospital, health centre, police unit or funeral home sending certificates.
		 */
		PARTNER,
		/** An agency's system sending replies. */
		AGENCY,
		/** A clerk or operator of the hub. */
		OPERATOR

	}

	public String authority() {
		return "ROLE_" + this.role.name();
	}

}
