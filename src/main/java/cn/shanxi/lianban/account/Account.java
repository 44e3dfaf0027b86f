package cn.shanxi.lianban.account;

import java.time.Instant;

import cn.shanxi.lianban.access.Actor;
import cn.shanxi.lianban.access.Role;

/** A person's account, as stored (the password hash never leaves this package). */
public record Account(long id, String username, String displayName, Role role, String serviceCentre, String agency,
		boolean enabled, int failedAttempts, Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

	/** Who acts when this person is logged in. */
	public Actor actor() {
		return Actor.person(this.username, this.displayName, this.role, this.serviceCentre, this.agency);
	}

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
