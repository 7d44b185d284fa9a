package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The hall's logo on its public booking pages (issue 20, item 5): one per hall, checked by {@link LogoCheck}. */
@Component
class HallLogos {

    record Logo(String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;

    HallLogos(JdbcClient jdbc, Clock clock, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    Optional<Logo> of(long siteId) {
        return jdbc.sql("SELECT content_type, bytes FROM hall_logos WHERE site_id = :site").param("site", siteId)
                .query((rs, n) -> new Logo(rs.getString(1), rs.getBytes(2))).optional();
    }

    @Transactional(readOnly = true)
    boolean exists(long siteId) {
        return jdbc.sql("SELECT count(*) > 0 FROM hall_logos WHERE site_id = :site").param("site", siteId)
                .query(Boolean.class).single();
    }

    /** Stores the hall's logo in place of the one before; a file that is not a logo is refused beside the field. */
    @Transactional
    void save(long siteId, byte[] bytes) {
        LogoCheck.Verdict verdict = LogoCheck.of(bytes);
        if (!verdict.accepted()) {
            throw new InvalidInputException("logo", verdict.problem());
        }
        jdbc.sql("""
                INSERT INTO hall_logos (site_id, content_type, bytes, updated_at, updated_by)
                VALUES (:site, :type, :bytes, :now, :by)
                ON CONFLICT (site_id) DO UPDATE SET content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .param("site", siteId).param("type", verdict.contentType()).param("bytes", bytes)
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).update();
        activity.record("UPDATED", "hall-logo", siteId, verdict.contentType() + " " + bytes.length + " B");
    }

    @Transactional
    void remove(long siteId) {
        if (jdbc.sql("DELETE FROM hall_logos WHERE site_id = :site").param("site", siteId).update() > 0) {
            activity.record("DELETED", "hall-logo", siteId, "");
        }
    }
}
