package cn.shanxi.lianban.access;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;

/**
 * Who acts: a person logged in as themselves (an account) or a machine client (an API
 * key), with its role and what the role is bound to — the channel, the window clerk's
 * service centre, the partner, the agency. The rest of the hub takes this, never a Spring
 * Security type, from {@code @AuthenticationPrincipal Actor}.
 *
 * @param kind a person or a machine client
 * @param id the account's user name, or the client's id
 * @param displayName what a screen shows (the person's name, the client's id)
 * @param role what it may do
 * @param channel a channel client's channel ({@code WEB}, {@code MINI_PROGRAM},
 * {@code APP}, {@code WINDOW}); {@code WINDOW} for a clerk
 * @param serviceCentre a clerk's (or window client's) service centre, else {@code null}
 * @param partner a partner client's partner code
 * @param agency an agency client's or a supervisor's agency code
 * @param onBehalfOf for a channel, the ID number of the person the channel authenticated
 * for this call ({@code X-On-Behalf-Of}); {@code null} otherwise
 */
public record Actor(Kind kind, String id, String displayName, Role role, String channel, String serviceCentre,
		String partner, String agency, String onBehalfOf) implements Principal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The hub itself, for what its own jobs do (purges, checks). */
	public static final Actor HUB = new Actor(Kind.HUB, "hub", "hub", null, null, null, null, null, null);

	public Actor {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
	}

	/** Person or machine. */
	public enum Kind {

		PERSON, CLIENT, HUB

	}

	/** A person logged in as themselves. */
	public static Actor person(String username, String displayName, Role role, String serviceCentre, String agency) {
		return new Actor(Kind.PERSON, username, displayName, role, (role == Role.CLERK) ? "WINDOW" : null,
				serviceCentre, null, agency, null);
	}

	/** A machine client holding an API key. */
	public static Actor client(String id, Role role, String channel, String serviceCentre, String partner,
			String agency) {
		return new Actor(Kind.CLIENT, id, id, role, channel, serviceCentre, partner, agency, null);
	}

	/** The same client acting for the person it authenticated in this call. */
	public Actor onBehalfOf(String idNumber) {
		return new Actor(this.kind, this.id, this.displayName, this.role, this.channel, this.serviceCentre,
				this.partner, this.agency, idNumber);
	}

	/** The principal's name (sessions are found by it): the user name or client id. */
	@Override
	public String getName() {
		return this.id;
	}

	public boolean isPerson() {
		return this.kind == Kind.PERSON;
	}

	public boolean is(Role role) {
		return this.role == role;
	}

	/**
	 * How the case timeline names it: {@code channel:WEB}, {@code person:alice},
	 * {@code partner:SXPH}, {@code agency:HRSS}, {@code hub}.
	 */
	public String source() {
		if (this.kind == Kind.PERSON) {
			return "person:" + this.id;
		}
		if (this.kind == Kind.HUB) {
			return "hub";
		}
		return switch (this.role) {
			case CHANNEL -> "channel:" + this.channel;
			case PARTNER -> "partner:" + this.partner;
			case AGENCY -> "agency:" + this.agency;
			default -> "client:" + this.id;
		};
	}

	@Override
	public String toString() {
		// never the on-behalf-of ID number in a log line
		return source() + ((this.role != null) ? " (" + this.role + ")" : "");
	}

}
