package org.hallsafe.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in links (issue 16, item 8): printed on a sheet, one per person, with which each chooses the password
 * of their account instead of the administrator typing one in. Only a SHA-256 of a link's token is stored; a link
 * opens once, expires after {@code hallsafe.sign-in-links.validity}, and is revoked by a newer one or by hand. Every
 * issue, use and revocation is in the activity log.
 */
@Service
public class SignInLinks {

    /** A link just made: the only moment its token exists outside the person's hands. */
    public record IssuedLink(long accountId, String username, String displayName, String url, Instant expiresAt) {
    }

    /** How the latest link of an account stands. */
    public enum State {
        /** Unused and unexpired: the printed sheet still opens it. */
        WAITING,
        /** The person chose their password with it. */
        USED,
        EXPIRED,
        REVOKED
    }

    /** The latest link of an account. */
    public record LinkStatus(long accountId, State state, Instant at) {
    }

    /** What the person sees on opening a valid link. */
    record OpenLink(long accountId, long siteId, String username, String displayName, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Accounts accounts;
    private final ActivityLog activity;
    private final SignInLinkProperties properties;

    SignInLinks(JdbcClient jdbc, Clock clock, Accounts accounts, ActivityLog activity, SignInLinkProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.activity = activity;
        this.properties = properties;
    }

    /**
     * New links for these accounts of the hall, each revoking the account's older unused ones. {@code base} is the
     * address the links start with, when {@code hallsafe.sign-in-links.base-url} is not set. An account of another
     * hall is not found; one the signed-in person may not manage (an administrator's) is refused.
     */
    @Transactional
    public List<IssuedLink> issue(long siteId, Collection<Long> accountIds, String base) {
        String start = properties.baseUrl().isBlank() ? base : properties.baseUrl();
        start = start.replaceAll("/+$", "");
        Instant now = clock.instant();
        Instant expires = now.plus(properties.validity());
        List<IssuedLink> issued = new ArrayList<>();
        for (long id : new LinkedHashSet<>(accountIds)) {
            Accounts.AccountView account = accounts.find(id).filter(a -> a.siteId() == siteId)
                    .orElseThrow(() -> NotFoundException.of("account", id));
            if (!accounts.mayChange(account, false)) {
                throw new AccessDeniedException("account " + id + " is not of a lower rank");
            }
            revokeUnused(siteId, id, now);
            String token = newToken();
            jdbc.sql("""
                    INSERT INTO sign_in_links (site_id, account_id, token_hash, created_at, created_by, expires_at)
                    VALUES (:site, :account, :hash, :now, :by, :expires)""")
                    .param("site", siteId).param("account", id).param("hash", hash(token))
                    .param("now", Timestamp.from(now)).param("by", SignedIn.actor())
                    .param("expires", Timestamp.from(expires)).update();
            activity.record("SIGN_IN_LINK_ISSUED", "account", id, account.username());
            issued.add(new IssuedLink(id, account.username(), account.displayName(), start + "/welcome/" + token,
                    expires));
        }
        return issued;
    }

    /** Revokes the account's unused links: the printed sheet opens nothing any more. */
    @Transactional
    public void revoke(long siteId, long accountId) {
        Accounts.AccountView account = accounts.find(accountId).filter(a -> a.siteId() == siteId)
                .orElseThrow(() -> NotFoundException.of("account", accountId));
        if (!accounts.mayChange(account, false)) {
            throw new AccessDeniedException("account " + accountId + " is not of a lower rank");
        }
        if (revokeUnused(siteId, accountId, clock.instant()) > 0) {
            activity.record("SIGN_IN_LINK_REVOKED", "account", accountId, account.username());
        }
    }

    /** The latest link of each account of the hall that has one. */
    @Transactional(readOnly = true)
    public Map<Long, LinkStatus> latest(long siteId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT DISTINCT ON (account_id) account_id, expires_at, used_at, revoked_at
                FROM sign_in_links WHERE site_id = :site ORDER BY account_id, created_at DESC, id DESC""")
                .param("site", siteId)
                .query((rs, n) -> {
                    long account = rs.getLong("account_id");
                    Instant expires = rs.getTimestamp("expires_at").toInstant();
                    Timestamp used = rs.getTimestamp("used_at");
                    Timestamp revoked = rs.getTimestamp("revoked_at");
                    if (used != null) {
                        return new LinkStatus(account, State.USED, used.toInstant());
                    }
                    if (revoked != null) {
                        return new LinkStatus(account, State.REVOKED, revoked.toInstant());
                    }
                    return new LinkStatus(account, expires.isAfter(now) ? State.WAITING : State.EXPIRED, expires);
                }).list().stream().collect(Collectors.toMap(LinkStatus::accountId, s -> s));
    }

    /** The link's account while the link is unused, unrevoked, unexpired and the account switched on. */
    @Transactional(readOnly = true)
    Optional<OpenLink> find(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT l.account_id, l.site_id, a.username, a.display_name, l.expires_at
                FROM sign_in_links l JOIN accounts a ON a.site_id = l.site_id AND a.id = l.account_id
                WHERE l.token_hash = :hash AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > :now
                  AND a.enabled""")
                .param("hash", hash(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new OpenLink(rs.getLong("account_id"), rs.getLong("site_id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /**
     * Spends the link and sets the chosen password, in one transaction: a password the policy refuses leaves the
     * link unspent (the person tries another); a link spent meanwhile (the same sheet opened twice) sets nothing.
     */
    @Transactional
    Optional<OpenLink> use(String token, String password) {
        Optional<OpenLink> link = find(token);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        int spent = jdbc.sql("""
                UPDATE sign_in_links SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                .param("hash", hash(token)).param("now", Timestamp.from(clock.instant())).update();
        if (spent == 0) {
            return Optional.empty();
        }
        accounts.setPasswordFromLink(link.get().accountId(), password);
        activity.record(link.get().siteId(), link.get().username(), "SIGN_IN_LINK_USED", "account",
                link.get().accountId(), link.get().username());
        return link;
    }

    private int revokeUnused(long siteId, long accountId, Instant now) {
        return jdbc.sql("""
                UPDATE sign_in_links SET revoked_at = :now, revoked_by = :by
                WHERE site_id = :site AND account_id = :account AND used_at IS NULL AND revoked_at IS NULL
                  AND expires_at > :now""")
                .param("now", Timestamp.from(now)).param("by", SignedIn.actor()).param("site", siteId)
                .param("account", accountId).update();
    }

    /** 32 random bytes, URL-safe: 43 characters that fit a QR code a phone reads from paper. */
    private static String newToken() {
        return SecretTokens.newToken(32);
    }

    /** Only what a token can be is hashed and looked up: anything else (a stranger's megabytes) is simply unknown. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(SecretTokens.sha256(token));
    }
}
