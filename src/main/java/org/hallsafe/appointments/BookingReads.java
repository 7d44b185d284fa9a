package org.hallsafe.appointments;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.appointments.Bookings.Booking;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading bookings: every read of a booking goes through here, with its window's number and name from organization's
 * facade ({@link HallWindows}), never from a join on organization's tables.
 */
@Component
class BookingReads {

    private static final String SELECT = """
            SELECT b.id, b.code, b.item_id, i.name AS item_name, b.slot_id, b.window_id, 0 AS window_number,
                   '' AS window_name, b.starts_at, b.ends_at, b.name, b.doc_type, b.doc_masked, b.phone_masked, b.channel,
                   b.status, b.created_at, b.created_by, b.arrived_at, b.screening_id, b.called_at, i.materials
            FROM bookings b JOIN service_items i ON i.id = b.item_id
            """;

    private final JdbcClient jdbc;
    private final HallWindows windows;
    private final Slots slots;

    BookingReads(JdbcClient jdbc, HallWindows windows, Slots slots) {
        this.jdbc = jdbc;
        this.windows = windows;
        this.slots = slots;
    }

    @Transactional(readOnly = true)
    Booking byId(long siteId, long id) {
        return one(siteId, jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.id = :id").param("site", siteId)
                .param("id", id)).orElseThrow(() -> NotFoundException.of("booking", id));
    }

    @Transactional(readOnly = true)
    Optional<Booking> find(long siteId, String code) {
        return one(siteId, jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.code = :code").param("site", siteId)
                .param("code", Bookings.normaliseCode(code)));
    }

    Optional<Booking> bySubmission(long siteId, java.util.UUID submissionId) {
        return one(siteId, jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.submission_id = :submission")
                .param("site", siteId).param("submission", submissionId));
    }

    Optional<Booking> byCodeAndPhone(long siteId, String code, byte[] phoneHash) {
        return one(siteId, jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.code = :code AND b.phone_hash = :phone")
                .param("site", siteId).param("code", Bookings.normaliseCode(code)).param("phone", phoneHash));
    }

    /** A phone's bookings in the hall, the latest slot first (at most 50: what "我的预约" lists). */
    List<Booking> byPhone(long siteId, byte[] phoneHash) {
        return named(siteId, jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.phone_hash = :phone ORDER BY b.starts_at DESC, b.id DESC LIMIT 50")
                .param("site", siteId).param("phone", phoneHash).query(Booking.class).list());
    }

    Optional<Booking> byIdAndPhone(long siteId, long id, byte[] phoneHash) {
        return one(siteId, jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.id = :id AND b.phone_hash = :phone")
                .param("site", siteId).param("id", id).param("phone", phoneHash));
    }

    /** A day's bookings of the hall or of one window, in slot order. */
    @Transactional(readOnly = true)
    List<Booking> day(long siteId, Long windowId, LocalDate day) {
        return named(siteId, jdbc.sql(SELECT + """
                WHERE b.site_id = :site AND b.starts_at >= :from AND b.starts_at < :to
                  AND (CAST(:window AS bigint) IS NULL OR b.window_id = :window)
                ORDER BY b.starts_at, b.arrived_at NULLS LAST, b.id""")
                .param("site", siteId).param("from", slots.start(day)).param("to", slots.start(day.plusDays(1)))
                .param("window", windowId).query(Booking.class).list());
    }

    /** The codes of the hall's bookings among {@code ids}. */
    @Transactional(readOnly = true)
    Map<Long, String> codes(long siteId, Collection<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        if (ids.isEmpty()) {
            return codes;
        }
        jdbc.sql("SELECT id, code FROM bookings WHERE site_id = :site AND id IN (:ids)").param("site", siteId)
                .param("ids", ids).query((rs, n) -> codes.put(rs.getLong(1), rs.getString(2))).list();
        return codes;
    }

    private Optional<Booking> one(long siteId, JdbcClient.StatementSpec query) {
        return query.query(Booking.class).optional().map(b -> named(siteId, List.of(b)).get(0));
    }

    private List<Booking> named(long siteId, List<Booking> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, WindowView> hall = windows.of(siteId);
        return found.stream().map(b -> b.at(HallWindows.in(hall, b.windowId()))).toList();
    }
}
