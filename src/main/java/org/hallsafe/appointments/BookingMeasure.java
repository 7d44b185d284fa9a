package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.organization.MeasureStatusProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R-SVC (预约服务) in the responsibility matrix's window columns: the day's bookings at each window. Arrived, called or
 * served counts done, still expected (booked) counts due, a no-show counts overdue; cancelled and refused-at-the-gate
 * bookings are nobody's task at the window and count nowhere. A window's cell opens the day list of that window with
 * exactly those bookings ({@code counted=true}).
 */
@Component
class BookingMeasure implements MeasureStatusProvider {

    private final JdbcClient jdbc;
    private final Clock clock;

    BookingMeasure(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where a booking of that status counts: 0 done, 1 due, 2 overdue, -1 nowhere. */
    static int kind(Status status) {
        return switch (status) {
            case ARRIVED, CALLED, DONE -> 0;
            case BOOKED -> 1;
            case NO_SHOW -> 2;
            case CANCELLED, REFUSED -> -1;
        };
    }

    static boolean counted(Status status) {
        return kind(status) >= 0;
    }

    @Override
    public String measureCode() {
        return "R-SVC";
    }

    @Override
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        return Map.of();
    }

    @Override
    public Map<Long, MeasureStatus> windowStatuses(long siteId, LocalDate day) {
        Map<Long, MeasureStatus> out = new HashMap<>();
        jdbc.sql("""
                SELECT window_id, status, count(*) FROM bookings
                WHERE site_id = :site AND starts_at >= :from AND starts_at < :to GROUP BY window_id, status""")
                .param("site", siteId)
                .param("from", Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> {
                    int k = kind(Status.valueOf(rs.getString(2)));
                    int c = rs.getInt(3);
                    if (k >= 0) {
                        out.merge(rs.getLong(1), new MeasureStatus(k == 0 ? c : 0, k == 1 ? c : 0, k == 2 ? c : 0),
                                MeasureStatus::plus);
                    }
                    return k;
                }).list();
        return out;
    }

    /** The window's bookings of that day, those counted only. */
    @Override
    public String windowLink(long siteId, long windowId, LocalDate day) {
        return "/appointments?window=" + windowId + "&day=" + day + "&counted=true";
    }

    @Override
    public String recordsKey() {
        return "measure.records.bookings";
    }
}
