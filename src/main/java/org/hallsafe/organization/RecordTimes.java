package org.hallsafe.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.EarlierMoment;
import org.hallsafe.shared.EarlierMoment.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hall's window for records about an earlier moment (issue 16, item 6), and the one place hygiene, canteen and
 * staff health ask whether such a record is kept as it is, is a back-fill (补录: a reason and
 * {@link Permissions#RECORD_BACKFILL}), or is refused ({@link EarlierMoment}).
 */
@Service
public class RecordTimes {

    /** Until a hall sets its own. */
    public static final int DEFAULT_MINUTES = 30;

    /** The field a back-fill's reason is typed in, on every form that takes an earlier moment. */
    public static final String REASON_FIELD = "backfillReason";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;

    RecordTimes(JdbcClient jdbc, Clock clock, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public int windowMinutes(long siteId) {
        return jdbc.sql("SELECT minutes FROM record_windows WHERE site_id = :site").param("site", siteId)
                .query(Integer.class).optional().orElse(DEFAULT_MINUTES);
    }

    @Transactional
    public void saveWindow(long siteId, Integer minutes) {
        if (minutes == null || minutes < 0 || minutes > 720) {
            throw new InvalidInputException("minutes", "record.window.range");
        }
        jdbc.sql("""
                INSERT INTO record_windows (site_id, minutes, updated_at, updated_by) VALUES (:site, :m, :now, :by)
                ON CONFLICT (site_id) DO UPDATE SET minutes = excluded.minutes, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("site", siteId).param("m", minutes).param("now", Timestamp.from(clock.instant()))
                .param("by", SignedIn.actor()).update();
        activity.record("UPDATED", "record-window", siteId, minutes + " min");
    }

    /** A moment typed by hand (null = now), judged for the signed-in person. */
    @Transactional(readOnly = true)
    public Verdict judge(long siteId, Instant about, String reason) {
        return EarlierMoment.judge(about, clock.instant(), Duration.ofMinutes(windowMinutes(siteId)), reason,
                mayBackfill());
    }

    /** A day typed by hand (a delivery date), judged for the signed-in person. */
    @Transactional(readOnly = true)
    public Verdict judgeDay(long siteId, LocalDate day, String reason) {
        return EarlierMoment.judgeDay(day, clock.instant(), clock.getZone(), Duration.ofMinutes(windowMinutes(siteId)),
                reason, mayBackfill());
    }

    /** The verdict's problem keyed by the form's field: the reason's own field, or the moment's. */
    public static Map<String, String> problems(Verdict verdict, String momentField) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (verdict.refused()) {
            problems.put("record.backfill.reason".equals(verdict.problem()) ? REASON_FIELD : momentField,
                    verdict.problem());
        }
        return problems;
    }

    /** The verdict, or a 400 naming the field. */
    public static Verdict accepted(Verdict verdict, String momentField) {
        if (verdict.refused()) {
            throw new InvalidInputException(problems(verdict, momentField));
        }
        return verdict;
    }

    private static boolean mayBackfill() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Permissions.RECORD_BACKFILL));
    }
}
