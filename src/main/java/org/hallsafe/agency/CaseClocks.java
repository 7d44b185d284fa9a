package org.hallsafe.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service commitment of a hall's cases: {@link CommitmentClock} over the hall's one calendar
 * ({@link HallCalendar}, weekends, holidays and 调休 days), each date asked once per clock.
 */
@Component
class CaseClocks {

    private final HallCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseClocks(HallCalendar calendar, JdbcClient jdbc, Clock clock) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The hall's commitment clock: working days as the hall's calendar has them. */
    CommitmentClock of(long siteId) {
        Map<LocalDate, Boolean> known = new HashMap<>();
        return new CommitmentClock(day -> known.computeIfAbsent(day, d -> calendar.isWorkingDay(siteId, d)));
    }

    /** The hall's zone (dates of acceptance and pauses are taken in it). */
    java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** Today in the hall's zone. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The pauses of a case since its acceptance (all of them before it), as dates. */
    List<CommitmentClock.Pause> pauses(long siteId, long caseId) {
        return jdbc.sql("""
                SELECT p.started_at, p.ended_at FROM agency_pauses p JOIN agency_cases c ON c.site_id = p.site_id AND c.id = p.case_id
                WHERE p.site_id = :site AND p.case_id = :case AND c.accepted_at IS NOT NULL AND p.started_at >= c.accepted_at
                ORDER BY p.started_at""")
                .param("site", siteId).param("case", caseId)
                .query((rs, n) -> new CommitmentClock.Pause(date(rs.getTimestamp(1)), date(rs.getTimestamp(2)))).list();
    }

    /**
     * Working days left of a case whose clock runs or stands still (null otherwise): while it waits on the citizen
     * (SUPPLEMENT) the days left are those of the day the pause began, as {@code due_on} is the date before it.
     */
    Integer daysLeft(long siteId, long caseId, AgencyCases.State state, LocalDate dueOn) {
        if (dueOn == null || state != AgencyCases.State.ACCEPTED && state != AgencyCases.State.SUPPLEMENT) {
            return null;
        }
        LocalDate today = today();
        if (state == AgencyCases.State.SUPPLEMENT) {
            LocalDate stopped = jdbc.sql("SELECT max(started_at) FROM agency_pauses WHERE site_id = :site AND case_id = :case AND ended_at IS NULL")
                    .param("site", siteId).param("case", caseId).query((rs, n) -> java.util.Optional.ofNullable(date(rs.getTimestamp(1)))).single()
                    .orElse(null);
            today = stopped == null ? today : stopped;
        }
        return of(siteId).workingDaysLeft(today, dueOn);
    }

    private LocalDate date(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant().atZone(clock.getZone()).toLocalDate();
    }
}
