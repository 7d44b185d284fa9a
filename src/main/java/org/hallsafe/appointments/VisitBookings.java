package org.hallsafe.appointments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bookings behind visits, for contact tracing (issue 17): query-only, one hall at a time. A booking tells when a
 * visitor was due to leave (its slot's end), when the window called them and when it marked them served (办结).
 * Index-backed (V20261205_0102).
 */
@Service
public class VisitBookings {

    /**
     * A booking as tracing needs it.
     *
     * @param screeningId the gate entry it arrived with, {@code null} before arrival
     * @param calledAt when the window called the person, {@code null} if never
     * @param doneAt when the window marked them served (办结), {@code null} if not (yet)
     * @param phoneCipher the phone as sealed by {@code PersonalData} (never opened here)
     */
    public record BookingVisit(long bookingId, String code, Long screeningId, long windowId, Instant slotStart,
            Instant slotEnd, Instant calledAt, Instant doneAt, String name, String phoneMasked, byte[] phoneCipher) {
    }

    private static final String SELECT = """
            SELECT id AS booking_id, code, screening_id, window_id, starts_at AS slot_start, ends_at AS slot_end,
                   called_at, CASE WHEN status = 'DONE' THEN changed_at END AS done_at, name, phone_masked, phone_cipher
            FROM bookings
            """;

    private final JdbcClient jdbc;

    VisitBookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bookings that arrived with these gate entries (screening ids) of the hall. */
    @Transactional(readOnly = true)
    public List<BookingVisit> ofScreenings(long siteId, Collection<Long> screeningIds) {
        if (screeningIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE site_id = :site AND screening_id = ANY (:ids) ORDER BY starts_at, id")
                .param("site", siteId).param("ids", distinct(screeningIds)).query(VisitBookings::visit).list();
    }

    /**
     * What these gate entries' bookings say about when their people left (slot end, call, 办结, window), without
     * names or numbers: read from the index alone (V20261205_0900), for the thousands in the hall with a traced person.
     * The ids go as one array: one statement text whatever their number, planned once.
     */
    @Transactional(readOnly = true)
    public List<BookingVisit> leavingOf(long siteId, Collection<Long> screeningIds) {
        if (screeningIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id AS booking_id, NULL AS code, screening_id, window_id, NULL::timestamptz AS slot_start,
                       ends_at AS slot_end, called_at, CASE WHEN status = 'DONE' THEN changed_at END AS done_at,
                       NULL AS name, NULL AS phone_masked, NULL::bytea AS phone_cipher
                FROM bookings WHERE site_id = :site AND screening_id = ANY (:ids)""")
                .param("site", siteId).param("ids", distinct(screeningIds)).query(VisitBookings::visit)
                .list();
    }

    /**
     * The people a window called from {@code from} until {@code to}: the citizens a staff member posted there
     * served.
     */
    @Transactional(readOnly = true)
    public List<BookingVisit> calledAt(long siteId, long windowId, Instant from, Instant to) {
        return jdbc.sql(SELECT + """
                 WHERE site_id = :site AND window_id = :window AND called_at >= :from AND called_at < :to
                 ORDER BY called_at, id""")
                .param("site", siteId).param("window", windowId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(VisitBookings::visit).list();
    }

    private static Long[] distinct(Collection<Long> ids) {
        return new HashSet<>(ids).toArray(Long[]::new);
    }

    /** A row of the queries above, mapped by hand: a trace reads thousands. */
    private static BookingVisit visit(ResultSet rs, int row) throws SQLException {
        return new BookingVisit(rs.getLong("booking_id"), rs.getString("code"), (Long) rs.getObject("screening_id"),
                rs.getLong("window_id"), instant(rs.getTimestamp("slot_start")), instant(rs.getTimestamp("slot_end")),
                instant(rs.getTimestamp("called_at")), instant(rs.getTimestamp("done_at")), rs.getString("name"),
                rs.getString("phone_masked"), rs.getBytes("phone_cipher"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
