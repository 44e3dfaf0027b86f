package cn.shanxi.lianban.partner.dropbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.shanxi.lianban.partner.PartnerProperties.Partner;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One drop-box account per partner with an {@code sftp} block: the user name is the
 * partner code; it logs in with its password or one of its public keys.
 */
final class PartnerAccounts implements PasswordAuthenticator, PublickeyAuthenticator {

	/** How the session logged in, for the login log line. */
	static final AttributeKey<String> METHOD = new AttributeKey<>();

	private static final Logger log = LoggerFactory.getLogger(PartnerAccounts.class);

	/** Compared against when the user is unknown, so the answer takes the same time. */
	private static final byte[] NO_PASSWORD = sha256("\u0000no password\u0000");

	private final Map<String, byte[]> passwordDigests = new LinkedHashMap<>();

	private final Map<String, PublickeyAuthenticator> keys = new LinkedHashMap<>();

	private final Set<String> codes;

	PartnerAccounts(Collection<Partner> partners) {
		List<String> withAccount = new ArrayList<>();
		for (Partner partner : partners) {
			if (partner.sftp() == null) {
				continue;
			}
			String code = partner.code();
			String password = partner.sftp().password();
			if (password != null && !password.isEmpty()) {
				this.passwordDigests.put(code, sha256(password));
			}
			List<AuthorizedKeyEntry> entries = authorizedKeys(code, partner.sftp().publicKeys());
			if (!entries.isEmpty()) {
				this.keys.put(code, authenticator(code, entries));
			}
			if (!this.passwordDigests.containsKey(code) && !this.keys.containsKey(code)) {
				throw new IllegalStateException("lianban.partners: partner " + code
						+ " has an sftp block with neither a password nor public-keys (SFTP 账户缺少密码或公钥)");
			}
			withAccount.add(code);
		}
		this.codes = Set.copyOf(withAccount);
	}

	/** The partner codes that have a drop-box account. */
	Set<String> codes() {
		return this.codes;
	}

	@Override
	public boolean authenticate(String username, String password, ServerSession session) {
		byte[] expected = this.passwordDigests.get(username);
		boolean matches = MessageDigest.isEqual(sha256(password), (expected != null) ? expected : NO_PASSWORD);
		if (matches && expected != null) {
			session.setAttribute(METHOD, "password");
			return true;
		}
		log.warn("SFTP drop-box: password login refused for user '{}' from {}", printable(username),
				session.getClientAddress());
		return false;
	}

	/**
	 * Called for every key a client offers (and again to check its signature), so a
	 * refusal here is normal and only logged at debug level.
	 */
	@Override
	public boolean authenticate(String username, PublicKey key, ServerSession session) {
		PublickeyAuthenticator partnerKeys = this.keys.get(username);
		if (partnerKeys != null && partnerKeys.authenticate(username, key, session)) {
			session.setAttribute(METHOD, "public key");
			return true;
		}
		log.debug("SFTP drop-box: key not accepted for user '{}' from {}", printable(username),
				session.getClientAddress());
		return false;
	}

	/** A user name as sent by an unknown client, safe to put in a log line. */
	static String printable(String username) {
		if (username == null) {
			return "";
		}
		String safe = username.replaceAll("[^A-Za-z0-9_.@-]", "?");
		return (safe.length() > 40) ? safe.substring(0, 40) + "..." : safe;
	}

	private static List<AuthorizedKeyEntry> authorizedKeys(String code, List<String> lines) {
		List<AuthorizedKeyEntry> entries = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			try {
				AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(lines.get(i));
				if (entry != null) {
					// resolves it now so that an unsupported key type fails the start,
					// not a
					// login
					entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
					entries.add(entry);
				}
			}
			catch (IllegalArgumentException | IOException | GeneralSecurityException ex) {
				throw new IllegalStateException("lianban.partners: public-keys[" + i + "] of partner " + code
						+ " is not a usable OpenSSH public key (公钥格式错误): " + ex.getMessage(), ex);
			}
		}
		return entries;
	}

	private static PublickeyAuthenticator authenticator(String code, List<AuthorizedKeyEntry> entries) {
		try {
			return PublickeyAuthenticator.fromAuthorizedEntries(code, null, entries, PublicKeyEntryResolver.FAILING);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("lianban.partners: public keys of partner " + code + " unusable", ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest(((text != null) ? text : "").getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

}
