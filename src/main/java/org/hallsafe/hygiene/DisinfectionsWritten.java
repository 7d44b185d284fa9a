package org.hallsafe.hygiene;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.hallsafe.organization.WrittenRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How the day's disinfections were written, for the formalism check (issue 16, item 6); the zone's section answers. */
@Component
class DisinfectionsWritten implements WrittenRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    DisinfectionsWritten(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WrittenRecord> written(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("""
                SELECT d.zone_id, z.department_id, d.recorded_by, d.recorded_at, d.done_at, d.backfilled
                FROM disinfections d JOIN zones z ON z.id = d.zone_id
                WHERE d.site_id = :site AND d.done_at >= :from AND d.done_at < :to ORDER BY d.done_at""")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> {
                    long dept = rs.getLong(2);
                    Long section = rs.wasNull() ? null : dept;
                    return new WrittenRecord("hygiene.disinfection", section, rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getBoolean(6), null,
                            "zone:" + rs.getLong(1), "/hygiene/report?day=" + day);
                }).list();
    }
}
