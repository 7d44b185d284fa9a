package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookable time. Staff make slots weeks ahead from the opening calendar, each window's slot with its capacity and every
 * slot time with the hall-wide cap; they change capacities and choose when citizens see them (released).
 */
@Service
public class Slots {

    private final JdbcClient jdbc;
    private final org.hallsafe.platform.FormShape shape;
    private final Clock clock;
    private final Catalogue catalogue;
    private final ActivityLog activity;
    private final HallWindows windows;

    Slots(JdbcClient jdbc, Clock clock, Catalogue catalogue, ActivityLog activity, org.hallsafe.platform.FormShape shape,
            HallWindows windows) {
        this.windows = windows;
        this.shape = shape;
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalogue = catalogue;
        this.activity = activity;
    }

    /** A slot of a window with its places. */
    public record Slot(long id, long windowId, int windowNumber, String windowName, Instant startsAt, Instant endsAt,
            int capacity, int booked, int hallCap, int hallBooked, Instant releasedAt) {

        /** Places left: the window's, bounded by the hall's cap at that time. */
        public int remaining() {
            return Math.max(0, Math.min(capacity - booked, hallCap - hallBooked));
        }

        Slot at(org.hallsafe.organization.Views.WindowView w) {
            return new Slot(id, windowId, w.number(), w.name(), startsAt, endsAt, capacity, booked, hallCap, hallBooked,
                    releasedAt);
        }
    }

    /** Slots with their window's number and name from organization's facade, by time or by window as asked. */
    private List<Slot> named(long siteId, List<Slot> found, java.util.Comparator<Slot> order) {
        if (found.isEmpty()) {
            return found;
        }
        var hall = windows.of(siteId);
        return found.stream().map(s -> s.at(HallWindows.in(hall, s.windowId()))).sorted(order).toList();
    }

    private static final java.util.Comparator<Slot> BY_TIME = java.util.Comparator.comparing(Slot::startsAt)
            .thenComparingInt(Slot::windowNumber);

    /** A day on the booking page: how many places are left in it. */
    public record Day(LocalDate day, int remaining) {
    }

    /** What generating made. */
    public record Generated(int slots, int days) implements java.io.Serializable {
    }

    /**
     * A row of {@link #SELECT}, mapped by hand: {@code query(Slot.class)} matches each column to the record's
     * parameters by name and converts each value through the conversion service, row by row, which was most of the
     * slot reads' cost in the booking burst's profile (issue 18).
     */
    private static final RowMapper<Slot> ROW = (rs, n) -> new Slot(rs.getLong(1), rs.getLong(2), rs.getInt(3),
            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8),
            rs.getInt(9), rs.getInt(10), rs.getTimestamp(11).toInstant());

    private static final String SELECT = """
            SELECT s.id, s.window_id, 0 AS window_number, '' AS window_name, s.starts_at, s.ends_at, s.capacity, s.booked,
                   h.cap AS hall_cap, h.booked AS hall_booked,
                   s.released_at
            FROM slots s
            JOIN hall_slots h ON h.site_id = s.site_id AND h.starts_at = s.starts_at
            """;

    /**
     * Makes the slots of every open period of the chosen windows and days. A slot that exists keeps its capacity and
     * bookings, so generating twice adds nothing.
     */
    @Transactional
    public Generated generate(long siteId, GenerateForm f) {
        catalogue.requireWindows(siteId, f.windowIds());
        shape.check(f, f.ruleProblems(LocalDate.now(clock)));
        int minutes = catalogue.settings(siteId).slotMinutes();
        Instant now = clock.instant();
        Instant release = f.releaseAt() == null ? now : f.releaseAt().atZone(clock.getZone()).toInstant();
        int made = 0;
        int days = 0;
        for (LocalDate day = f.from(); !day.isAfter(f.to()); day = day.plusDays(1)) {
            boolean any = false;
            for (Long window : f.windowIds()) {
                for (org.hallsafe.organization.HallCalendar.Period p : catalogue.periods(siteId, window, day)) {
                    for (LocalDateTime t = day.atTime(p.starts()); !t.plusMinutes(minutes).isAfter(day.atTime(p.ends()));
                            t = t.plusMinutes(minutes)) {
                        ZonedDateTime starts = t.atZone(clock.getZone());
                        if (starts.toInstant().isBefore(now)) {
                            continue;
                        }
                        jdbc.sql("""
                                INSERT INTO hall_slots (site_id, starts_at, cap) VALUES (:site, :starts, :cap)
                                ON CONFLICT (site_id, starts_at) DO NOTHING""")
                                .param("site", siteId).param("starts", Timestamp.from(starts.toInstant()))
                                .param("cap", f.hallCap()).update();
                        made += jdbc.sql("""
                                INSERT INTO slots (site_id, window_id, starts_at, ends_at, capacity, released_at, created_at, created_by)
                                VALUES (:site, :window, :starts, :ends, :cap, :release, :now, :by)
                                ON CONFLICT (site_id, window_id, starts_at) DO NOTHING""")
                                .param("site", siteId).param("window", window)
                                .param("starts", Timestamp.from(starts.toInstant()))
                                .param("ends", Timestamp.from(starts.plusMinutes(minutes).toInstant()))
                                .param("cap", f.capacity()).param("release", Timestamp.from(release))
                                .param("now", Timestamp.from(now)).param("by", SignedIn.actor()).update();
                        any = true;
                    }
                }
            }
            days += any ? 1 : 0;
        }
        activity.record("CREATED", "slots", siteId, f.from() + "–" + f.to() + ": " + made + " slots, windows " + f.windowIds());
        return new Generated(made, days);
    }

    /** A day's slots of the hall, every window, for the staff grid. */
    @Transactional(readOnly = true)
    public List<Slot> day(long siteId, LocalDate day) {
        return named(siteId, jdbc.sql(SELECT + """
                WHERE s.site_id = :site AND s.starts_at >= :from AND s.starts_at < :to""")
                .param("site", siteId).param("from", start(day)).param("to", start(day.plusDays(1)))
                .query(ROW).list(), java.util.Comparator.comparingInt(Slot::windowNumber).thenComparing(Slot::startsAt));
    }

    @Transactional(readOnly = true)
    public Slot slot(long siteId, long id) {
        return find(siteId, id).orElseThrow(() -> NotFoundException.of("slot", id));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Slot> find(long siteId, long id) {
        return named(siteId, jdbc.sql(SELECT + " WHERE s.site_id = :site AND s.id = :id").param("site", siteId)
                .param("id", id).query(ROW).list(), BY_TIME).stream().findFirst();
    }

    /** A window slot's new capacity; never below what is booked. */
    @Transactional
    public void changeCapacity(long siteId, long slotId, Integer capacity) {
        if (capacity == null || capacity < 0 || capacity > 500) {
            throw new InvalidInputException("capacity", "validation.range.0.500");
        }
        int n = jdbc.sql("UPDATE slots SET capacity = :cap WHERE site_id = :site AND id = :id AND booked <= :cap")
                .param("cap", capacity).param("site", siteId).param("id", slotId).update();
        if (n == 0) {
            slot(siteId, slotId);
            throw new InvalidInputException("capacity", "appointments.slots.belowBooked");
        }
        activity.record("UPDATED", "slot", slotId, "capacity " + capacity);
    }

    /** The hall-wide cap of a slot time; never below what is booked. */
    @Transactional
    public void changeHallCap(long siteId, Instant startsAt, Integer cap) {
        if (cap == null || cap < 0 || cap > 5000) {
            throw new InvalidInputException("hallCap", "validation.range.0.5000");
        }
        int n = jdbc.sql("UPDATE hall_slots SET cap = :cap WHERE site_id = :site AND starts_at = :t AND booked <= :cap")
                .param("cap", cap).param("site", siteId).param("t", Timestamp.from(startsAt)).update();
        if (n == 0) {
            throw new InvalidInputException("hallCap", "appointments.slots.belowBooked");
        }
        activity.record("UPDATED", "hall-slot", siteId, startsAt + " cap " + cap);
    }

    /** Shows a day's unreleased slots to citizens now. */
    @Transactional
    public int releaseDay(long siteId, LocalDate day) {
        int n = jdbc.sql("""
                UPDATE slots SET released_at = :now WHERE site_id = :site AND starts_at >= :from AND starts_at < :to
                  AND released_at > :now""")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("from", start(day))
                .param("to", start(day.plusDays(1))).update();
        activity.record("UPDATED", "slots", siteId, "released " + day + ": " + n);
        return n;
    }

    /** The days ahead with places left for an item, from today. */
    @Transactional(readOnly = true)
    public List<Day> days(long siteId, long itemId, int daysAhead) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT (s.starts_at AT TIME ZONE :zone)::date AS day,
                       sum(greatest(0, least(s.capacity - s.booked, h.cap - h.booked)))::int AS remaining
                FROM slots s JOIN service_item_windows iw ON iw.window_id = s.window_id AND iw.item_id = :item
                JOIN hall_slots h ON h.site_id = s.site_id AND h.starts_at = s.starts_at
                WHERE s.site_id = :site AND s.starts_at > :now AND s.starts_at < :until AND s.released_at <= :now
                GROUP BY 1 ORDER BY 1""")
                .param("zone", clock.getZone().getId()).param("item", itemId).param("site", siteId)
                .param("now", Timestamp.from(clock.instant())).param("until", start(today.plusDays(daysAhead + 1L)))
                .query(Day.class).list();
    }

    /** An item's released slots of a day, the ones still to come. */
    @Transactional(readOnly = true)
    public List<Slot> open(long siteId, long itemId, LocalDate day) {
        return named(siteId, jdbc.sql(SELECT + """
                JOIN service_item_windows iw ON iw.window_id = s.window_id AND iw.item_id = :item
                WHERE s.site_id = :site AND s.starts_at >= :from AND s.starts_at < :to AND s.starts_at > :now
                  AND s.released_at <= :now""")
                .param("item", itemId).param("site", siteId).param("from", start(day)).param("to", start(day.plusDays(1)))
                .param("now", Timestamp.from(clock.instant())).query(ROW).list(), BY_TIME);
    }

    /** The next slots with places left for an item: what a "full" answer offers instead. */
    @Transactional(readOnly = true)
    public List<Slot> nextFree(long siteId, long itemId, int limit) {
        return named(siteId, jdbc.sql(SELECT + """
                JOIN service_item_windows iw ON iw.window_id = s.window_id AND iw.item_id = :item
                WHERE s.site_id = :site AND s.starts_at > :now AND s.released_at <= :now
                  AND s.booked < s.capacity AND h.booked < h.cap
                ORDER BY s.starts_at, s.window_id LIMIT :limit""")
                .param("item", itemId).param("site", siteId).param("now", Timestamp.from(clock.instant()))
                .param("limit", limit).query(ROW).list(), BY_TIME);
    }

    Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
