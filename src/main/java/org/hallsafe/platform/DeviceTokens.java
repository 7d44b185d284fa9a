package org.hallsafe.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API tokens of a hall's gate tablets (issue 18, item 1). A token is 32 random characters, shown once when the
 * administrator makes it, kept only as its SHA-256. A tablet sends it as {@code Authorization: Bearer …} and acts as
 * the device: it may record check-ins and read the gate's figures, nothing else. A token the node read is remembered
 * for {@code hallsafe.security.device-token-cache} (30 s), so a check-in reads no account and runs no BCrypt; revoking
 * forgets it on this node at once and on every other node when its memory of it runs out.
 */
@Service
class DeviceTokens {

    static final int NAME_MAX = 40;
    /** What a device may do: record at the gate, and see the gate's figures of the day. */
    private static final List<String> PERMISSIONS = List.of(Permissions.GATE_RECORD, Permissions.GATE_TODAY);
    private static final int CACHE_MAX = 10_000;

    private final JdbcClient jdbc;
    private final ActivityLog activity;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    DeviceTokens(JdbcClient jdbc, ActivityLog activity, Clock clock,
            @Value("${hallsafe.security.device-token-cache:30s}") Duration cache) {
        this.jdbc = jdbc;
        this.activity = activity;
        this.clock = clock;
        this.ttlMillis = cache.toMillis();
    }

    record Device(long id, String name, String tokenHint, Instant createdAt, String createdBy, Instant lastUsedAt,
            Instant revokedAt, String revokedBy) {
    }

    /** A new token, which is never shown again. */
    record Created(long id, String name, String token) {
    }

    private record Remembered(CurrentUser user, long until) {
    }

    @Transactional
    Created create(long siteId, String name) {
        String n = name == null ? "" : name.strip();
        String problem = n.isEmpty() ? "validation.required" : PlainText.Rules.problem(n, NAME_MAX, false);
        if (problem != null) {
            throw new InvalidInputException("name", problem);
        }
        String token = SecretTokens.newToken(24);
        long id = jdbc.sql("""
                INSERT INTO device_tokens (site_id, name, token_hash, token_hint, created_at, created_by)
                VALUES (:site, :name, :hash, :hint, :now, :by) RETURNING id""")
                .param("site", siteId).param("name", n).param("hash", hash(token)).param("hint", token.substring(0, 4))
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor())
                .query(Long.class).single();
        activity.record("CREATED", "device-token", id, n);
        return new Created(id, n, token);
    }

    @Transactional(readOnly = true)
    List<Device> list(long siteId) {
        return jdbc.sql("""
                SELECT id, name, token_hint, created_at, created_by, last_used_at, revoked_at, revoked_by
                FROM device_tokens WHERE site_id = :site ORDER BY revoked_at IS NOT NULL, id DESC""")
                .param("site", siteId).query(Device.class).list();
    }

    /** Revokes a token of the hall; revoking twice changes nothing. */
    @Transactional
    void revoke(long siteId, long id) {
        String name = jdbc.sql("SELECT name FROM device_tokens WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", id).query(String.class).optional()
                .orElseThrow(() -> NotFoundException.of("device", id));
        int n = jdbc.sql("""
                UPDATE device_tokens SET revoked_at = :now, revoked_by = :by
                WHERE site_id = :site AND id = :id AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor())
                .param("site", siteId).param("id", id).update();
        // this node forgets it now; another node when its memory of it runs out (hallsafe.security.device-token-cache)
        remembered.values().removeIf(r -> r.user().accountId() == -id);
        if (n == 1) {
            activity.record("REVOKED", "device-token", id, name);
        }
    }

    /**
     * The device a bearer token belongs to while it is not revoked: from this node's memory, or else one statement
     * that also notes when it was used.
     */
    Optional<CurrentUser> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        byte[] hash = hash(token);
        String key = HexFormat.of().formatHex(hash);
        long now = clock.millis();
        Remembered known = remembered.get(key);
        if (known != null && known.until() - now > 0) {
            return Optional.of(known.user());
        }
        Optional<CurrentUser> device = jdbc.sql("""
                UPDATE device_tokens SET last_used_at = :now WHERE token_hash = :hash AND revoked_at IS NULL
                RETURNING id, site_id, name""")
                .param("now", Timestamp.from(clock.instant())).param("hash", hash)
                .query((rs, n) -> user(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
        if (device.isEmpty()) {
            remembered.remove(key);
            return device;
        }
        if (remembered.size() >= CACHE_MAX) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(device.get(), now + ttlMillis));
        return device;
    }

    /**
     * A device acts as a signed-in user without a password: its id is the token's negated (no account has it), its
     * user name ({@code device-7:东门平板}) is what the ledger shows as the screener.
     */
    private static CurrentUser user(long id, long siteId, String name) {
        Account account = new Account(-id, siteId, "device-" + id + ":" + name, name, Role.SCREENER, "", 0, null, true,
                false, null, "system");
        List<GrantedAuthority> authorities = new ArrayList<>();
        PERMISSIONS.forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return new CurrentUser(account, true, true, authorities);
    }

    static byte[] hash(String token) {
        return SecretTokens.sha256(token);
    }
}
