package org.hallsafe.staffhealth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The day's staff checks as the API lists them (issue 18, item 4): who, when, how; never the reading itself. */
@Component
class DayChecks {

    /** One check of the day. */
    record CheckLine(long id, long staffId, String staffName, Instant checkedAt, String source, boolean abnormal,
            boolean backfilled) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffDirectory staff;

    DayChecks(JdbcClient jdbc, Clock clock, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staff = staff;
    }

    /** The day's checks of the hall's staff (the gate's included, marked GATE), in the order they were taken. */
    @Transactional(readOnly = true)
    List<CheckLine> of(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        Map<Long, String> names = staff.search(siteId, "", null, true).stream()
                .collect(Collectors.toMap(StaffView::id, StaffView::name, (a, b) -> a));
        return jdbc.sql("""
                SELECT id, staff_id, checked_at, source, abnormal, backfilled FROM staff_checks
                WHERE site_id = :site AND checked_at >= :from AND checked_at < :to ORDER BY checked_at, id""")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new CheckLine(rs.getLong(1), rs.getLong(2), names.get(rs.getLong(2)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }
}
