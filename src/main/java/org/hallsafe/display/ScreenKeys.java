package org.hallsafe.display;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SecretTokens;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys of a hall's display screens. A key is 32 random characters, shown once inside the screen's address and
 * kept only as its keyed hash; revoking it ends the screens open with it on every node at once.
 */
@Service
class ScreenKeys {

    static final int NAME_MAX = 40;

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final LiveUpdates live;
    private final ActivityLog activity;
    private final Clock clock;

    ScreenKeys(JdbcClient jdbc, PersonalData personalData, LiveUpdates live, ActivityLog activity, Clock clock) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.live = live;
        this.activity = activity;
        this.clock = clock;
    }

    record Key(long id, String name, Instant createdAt, String createdBy, Instant lastSeenAt, Instant revokedAt,
            String revokedBy) {
    }

    /** A new key and its token, which is never shown again. */
    record Created(long id, String name, String token) {
    }

    static String stream(long keyId) {
        return "screen:" + keyId;
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
                INSERT INTO screen_keys (site_id, name, token_hash, created_at, created_by)
                VALUES (:site, :name, :hash, :now, :by) RETURNING id""")
                .param("site", siteId).param("name", n).param("hash", hash(token))
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor())
                .query(Long.class).single();
        activity.record("CREATED", "screen-key", id, n);
        return new Created(id, n, token);
    }

    @Transactional(readOnly = true)
    List<Key> list(long siteId) {
        return jdbc.sql("""
                SELECT id, name, created_at, created_by, last_seen_at, revoked_at, revoked_by FROM screen_keys
                WHERE site_id = :site ORDER BY revoked_at IS NOT NULL, id DESC""")
                .param("site", siteId).query(Key.class).list();
    }

    /** Revokes a key of the hall: its screens stop now, on every node. Revoking twice changes nothing. */
    @Transactional
    void revoke(long siteId, long id) {
        String name = jdbc.sql("SELECT name FROM screen_keys WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", id).query(String.class).optional()
                .orElseThrow(() -> NotFoundException.of("screen key", id));
        int n = jdbc.sql("""
                UPDATE screen_keys SET revoked_at = :now, revoked_by = :by
                WHERE site_id = :site AND id = :id AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor())
                .param("site", siteId).param("id", id).update();
        if (n == 1) {
            live.endStream(stream(id));
            activity.record("REVOKED", "screen-key", id, name);
        }
    }

    /** The key of the hall that the token opens, while it is not revoked. */
    @Transactional(readOnly = true)
    Optional<Long> open(long siteId, String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM screen_keys WHERE token_hash = :hash AND site_id = :site AND revoked_at IS NULL")
                .param("hash", hash(token)).param("site", siteId).query(Long.class).optional();
    }

    /** When a screen last connected: the key page shows screens that went dark. */
    @Transactional
    void seen(long id) {
        jdbc.sql("UPDATE screen_keys SET last_seen_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private byte[] hash(String token) {
        return personalData.lookupHash("screen-key:" + token);
    }
}
