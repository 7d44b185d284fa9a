package org.hallsafe.screening;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.Gate.Symptom;
import org.hallsafe.screening.GateDesk.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hall's gate settings (fever threshold, re-measure wait, symptoms asked): read once per request that needs them. */
@Service
class GateSettings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;

    GateSettings(JdbcClient jdbc, Clock clock, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    Settings of(long siteId) {
        return jdbc.sql("SELECT fever_threshold, recheck_wait_minutes, symptoms FROM screening_settings WHERE site_id = :site")
                .param("site", siteId).query((rs, n) -> new Settings(rs.getBigDecimal(1), rs.getInt(2),
                        symptoms(rs.getArray(3)))).optional().orElse(Settings.DEFAULT);
    }

    /**
     * The same read, in one statement with the transaction's lock on a submission (issue 18, item 1): copies of one
     * submission wait here for the first to commit. The settings need no snapshot taken after the lock; the caller
     * reads anything that does in its next statement.
     */
    @Transactional(readOnly = true)
    Settings lockedOf(long siteId, String lockKey) {
        return jdbc.sql("""
                SELECT s.fever_threshold, s.recheck_wait_minutes, s.symptoms
                FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) l
                LEFT JOIN screening_settings s ON s.site_id = :site""")
                .param("key", lockKey).param("site", siteId)
                .query((rs, n) -> rs.getBigDecimal(1) == null ? Settings.DEFAULT
                        : new Settings(rs.getBigDecimal(1), rs.getInt(2), symptoms(rs.getArray(3))))
                .single();
    }

    @Transactional
    void save(long siteId, BigDecimal threshold, int waitMinutes, Set<Symptom> symptoms) {
        if (threshold == null || threshold.compareTo(new BigDecimal("36.0")) < 0 || threshold.compareTo(new BigDecimal("39.0")) > 0) {
            throw new InvalidInputException("feverThreshold", "gate.settings.threshold");
        }
        if (waitMinutes < 0 || waitMinutes > 60) {
            throw new InvalidInputException("recheckWaitMinutes", "gate.settings.wait");
        }
        jdbc.sql("""
                INSERT INTO screening_settings (site_id, fever_threshold, recheck_wait_minutes, symptoms, updated_at, updated_by)
                VALUES (:site, :t, :w, string_to_array(:s, ','), :now, :by)
                ON CONFLICT (site_id) DO UPDATE SET fever_threshold = excluded.fever_threshold,
                    recheck_wait_minutes = excluded.recheck_wait_minutes, symptoms = excluded.symptoms,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("t", threshold).param("w", waitMinutes)
                .param("s", symptoms.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("now", Timestamp.from(clock.instant()))
                .param("by", SignedIn.actor()).param("site", siteId)
                .update();
        activity.record("UPDATED", "screening-settings", siteId, threshold + " / " + waitMinutes + " / " + symptoms);
    }

    private static Set<Symptom> symptoms(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Symptom::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Symptom.class)));
    }
}
