package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the hall's display screens may show of the appointments: the calls, who waits at which window, how many are
 * booked for the current slot, and the next free slot of the popular items. Counts, codes, numbers and times only:
 * nothing here names or identifies a person.
 */
@Service
public class QueueBoard {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Slots slots;
    private final Catalogue catalogue;
    private final HallWindows windows;

    QueueBoard(JdbcClient jdbc, Clock clock, Slots slots, Catalogue catalogue, HallWindows windows) {
        this.windows = windows;
        this.jdbc = jdbc;
        this.clock = clock;
        this.slots = slots;
        this.catalogue = catalogue;
    }

    /** A call as the call display shows it: the booking code, the window, when. */
    public record Call(long bookingId, String code, int windowNumber, Instant calledAt) {

        /** The code in two groups of four, as on the citizen's confirmation. */
        public String displayCode() {
            return code.length() == 8 ? code.substring(0, 4) + " " + code.substring(4) : code;
        }

        /** One character at a time, as speech synthesis should read a code: "A 2 B 3 …". */
        public String spokenCode() {
            return String.join(" ", code.split(""));
        }
    }

    /** A window with the people checked in at the gate who wait for it. */
    public record Waiting(int windowNumber, String windowName, int waiting) {
    }

    /** A popular item and its next slot with places left, or none. */
    public record NextFree(String itemName, Optional<Instant> startsAt) {
    }

    /** Today's last calls, newest first. */
    @Transactional(readOnly = true)
    public List<Call> recentCalls(long siteId, int limit) {
        LocalDate today = LocalDate.now(clock);
        var hall = windows.of(siteId);
        return jdbc.sql("""
                SELECT b.id, b.code, b.window_id, b.called_at FROM bookings b
                WHERE b.site_id = :site AND b.called_at >= :from AND b.called_at < :to
                ORDER BY b.called_at DESC, b.id DESC LIMIT :limit""")
                .param("site", siteId).param("from", slots.start(today)).param("to", slots.start(today.plusDays(1)))
                .param("limit", limit)
                .query((rs, n) -> new Call(rs.getLong(1), rs.getString(2),
                        HallWindows.in(hall, rs.getLong(3)).number(), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Per open window: today's bookings checked in at the gate and not yet called. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(long siteId) {
        LocalDate today = LocalDate.now(clock);
        java.util.Map<Long, Integer> arrived = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT window_id, count(*)::int FROM bookings WHERE site_id = :site AND status = 'ARRIVED'
                  AND starts_at >= :from AND starts_at < :to GROUP BY window_id""")
                .param("site", siteId).param("from", slots.start(today)).param("to", slots.start(today.plusDays(1)))
                .query((rs, n) -> arrived.put(rs.getLong(1), rs.getInt(2))).list();
        // the open windows in number order, from organization's facade
        return windows.of(siteId).values().stream().filter(w -> !w.retired())
                .sorted(java.util.Comparator.comparingInt(org.hallsafe.organization.Views.WindowView::number))
                .map(w -> new Waiting(w.number(), w.name(), arrived.getOrDefault(w.id(), 0))).toList();
    }

    /**
     * The bookings of the slot running now (not cancelled): the screen's crowd figure. The hall records who comes in
     * at the gate but not who leaves, so "in the hall now" cannot be counted; the current slot's bookings can.
     */
    @Transactional(readOnly = true)
    public int bookedNow(long siteId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                SELECT count(*)::int FROM bookings WHERE site_id = :site AND starts_at <= :now AND ends_at > :now
                  AND status NOT IN ('CANCELLED','NO_SHOW','REFUSED')""")
                .param("site", siteId).param("now", now).query(Integer.class).single();
    }

    /**
     * The items booked most in the last 30 days (all items while nobody has booked yet), each with its next free
     * slot; none while the hall's opening is postponed.
     */
    @Transactional(readOnly = true)
    public List<NextFree> nextFree(long siteId, int items) {
        boolean postponed = catalogue.settings(siteId).postponed();
        Timestamp since = Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(30)));
        List<long[]> popular = jdbc.sql("""
                SELECT i.id, count(b.id) FROM service_items i
                LEFT JOIN bookings b ON b.item_id = i.id AND b.site_id = i.site_id AND b.created_at >= :since
                WHERE i.site_id = :site AND i.retired_at IS NULL
                GROUP BY i.id ORDER BY count(b.id) DESC, i.id LIMIT :limit""")
                .param("site", siteId).param("since", since).param("limit", items)
                .query((rs, n) -> new long[] {rs.getLong(1)}).list();
        return popular.stream().map(p -> {
            Catalogue.Item item = catalogue.item(siteId, p[0]);
            Optional<Instant> next = postponed ? Optional.empty()
                    : slots.nextFree(siteId, item.id(), 1).stream().findFirst().map(Slots.Slot::startsAt);
            return new NextFree(item.name(), next);
        }).toList();
    }
}
