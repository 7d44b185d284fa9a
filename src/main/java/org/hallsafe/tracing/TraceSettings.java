package org.hallsafe.tracing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The hall's stays for estimates: a visitor's default stay (60 minutes) and a staff member's day at work (480). */
@Component
class TraceSettings {

    /** A hall's stays, in minutes. */
    record Stays(int defaultStayMinutes, int staffStayMinutes) {

        static final Stays DEFAULT = new Stays(60, 480);

        Duration defaultStay() {
            return Duration.ofMinutes(defaultStayMinutes);
        }

        Duration staffStay() {
            return Duration.ofMinutes(staffStayMinutes);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;

    TraceSettings(JdbcClient jdbc, Clock clock, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    Stays of(long siteId) {
        return jdbc.sql("SELECT default_stay_minutes, staff_stay_minutes FROM trace_settings WHERE site_id = :site")
                .param("site", siteId).query(Stays.class).optional().orElse(Stays.DEFAULT);
    }

    /** Saves the hall's stays; out of range is refused by field. */
    @Transactional
    void save(long siteId, String by, Integer defaultStay, Integer staffStay) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (defaultStay == null || defaultStay < 5 || defaultStay > 480) {
            problems.put("defaultStayMinutes", "tracing.settings.defaultStay");
        }
        if (staffStay == null || staffStay < 60 || staffStay > 720) {
            problems.put("staffStayMinutes", "tracing.settings.staffStay");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                INSERT INTO trace_settings (site_id, default_stay_minutes, staff_stay_minutes, updated_at, updated_by)
                VALUES (:site, :d, :s, :now, :by)
                ON CONFLICT (site_id) DO UPDATE SET default_stay_minutes = excluded.default_stay_minutes,
                    staff_stay_minutes = excluded.staff_stay_minutes, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("site", siteId).param("d", defaultStay).param("s", staffStay)
                .param("now", Timestamp.from(clock.instant())).param("by", by).update();
        activity.record(siteId, by, "UPDATED", "trace-settings", siteId,
                "default stay " + defaultStay + " min, staff " + staffStay + " min");
    }
}
