package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.LiveUpdates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The day at the hall: a window calls the next person who has arrived, marks them served; no-shows at the end. */
@Component
class WindowQueue {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Slots slots;
    private final BookingReads reads;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final ApplicationEventPublisher events;

    WindowQueue(JdbcClient jdbc, Clock clock, Slots slots, BookingReads reads, ActivityLog activity, LiveUpdates live,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.slots = slots;
        this.reads = reads;
        this.activity = activity;
        this.live = live;
        this.events = events;
    }

    /** Calls the next person who has arrived for the window: the earliest slot first, then the earliest arrival. */
    @Transactional
    Optional<Bookings.Booking> callNext(long siteId, long windowId) {
        LocalDate today = LocalDate.now(clock);
        Optional<Long> id = jdbc.sql("""
                UPDATE bookings SET status = 'CALLED', called_at = :now, changed_at = :now
                WHERE id = (SELECT id FROM bookings WHERE site_id = :site AND window_id = :window AND status IN (%s)
                              AND starts_at >= :from AND starts_at < :to
                            ORDER BY starts_at, arrived_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id""".formatted(BookingStates.sqlSources(Status.CALLED)))
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("window", windowId)
                .param("from", slots.start(today)).param("to", slots.start(today.plusDays(1))).query(Long.class).optional();
        Optional<Bookings.Booking> called = id.map(i -> reads.byId(siteId, i));
        called.ifPresent(b -> {
            activity.record("CALLED", "booking", b.id(), "");
            live.publishToSite(siteId, "appointments");
            // the citizen's own booking page, opened with code and phone, says where to go (CitizenCallStream)
            live.publishToStream(CitizenCallStream.stream(b.id()), "called", String.valueOf(b.windowNumber()));
            events.publishEvent(new CitizenCalled(siteId, b.id(), b.code(), b.windowNumber(), clock.instant()));
        });
        return called;
    }

    /** The called person has been served. */
    @Transactional
    void done(long siteId, long id) {
        int n = jdbc.sql("UPDATE bookings SET status = 'DONE', changed_at = :now WHERE site_id = :site AND id = :id"
                        + " AND status IN (" + BookingStates.sqlSources(Status.DONE) + ")")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("id", id).update();
        if (n == 1) {
            activity.record("DONE", "booking", id, "");
            live.publishToSite(siteId, "appointments");
        }
    }

    /** Bookings whose slot ended more than the hall's grace ago without arrival become no-shows; returns how many. */
    @Transactional
    int markNoShows() {
        List<Long> sites = jdbc.sql("""
                UPDATE bookings b SET status = 'NO_SHOW', changed_at = :now
                WHERE status IN (%s) AND b.ends_at + make_interval(mins => coalesce(
                    (SELECT no_show_minutes FROM appointment_settings s WHERE s.site_id = b.site_id), 30)) < :now
                RETURNING site_id""".formatted(BookingStates.sqlSources(Status.NO_SHOW)))
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
        sites.stream().distinct().forEach(s -> live.publishToSite(s, "appointments"));
        return sites.size();
    }
}
