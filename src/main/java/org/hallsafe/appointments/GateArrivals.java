package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.Formats;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.screening.CitizenScreened;
import org.hallsafe.screening.ExpectedVisitors;
import org.hallsafe.screening.Gate;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arrival at the gate: the screener finds today's booking by its code (the gate's {@link ExpectedVisitors}), and a
 * citizen screened there is checked in (admitted) or marked refused, in the screening's transaction.
 */
@Component
class GateArrivals implements ExpectedVisitors {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Slots slots;
    private final BookingReads reads;
    private final HallWindows windows;
    private final Catalogue catalogue;
    private final PersonalData personalData;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final Formats formats;

    GateArrivals(JdbcClient jdbc, Clock clock, Slots slots, BookingReads reads, HallWindows windows, Catalogue catalogue,
            PersonalData personalData, ActivityLog activity, LiveUpdates live, Formats formats) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.slots = slots;
        this.reads = reads;
        this.windows = windows;
        this.catalogue = catalogue;
        this.personalData = personalData;
        this.activity = activity;
        this.live = live;
        this.formats = formats;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Preview> preview(long siteId, String code) {
        LocalDate today = LocalDate.now(clock);
        return reads.find(siteId, code).filter(b -> BookingStates.allows(b.status(), Status.ARRIVED)
                        && b.startsAt().atZone(clock.getZone()).toLocalDate().equals(today))
                .map(b -> new Preview(b.code(), b.maskedName(), b.docMasked(), summary(b.itemName(), b.startsAt(), b.windowNumber())));
    }

    private String summary(String item, Instant startsAt, int window) {
        return catalogue.word("appointments.gate.summary", item, formats.dateTime(startsAt), window);
    }

    /** A booking of today, found by its code (typed, or scanned from its QR code), for the gate's form. */
    @Override
    @Transactional
    public Optional<Visitor> byCode(long siteId, String code) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT b.id, b.code, b.name, b.doc_type, b.doc_cipher, b.phone_cipher, i.name, b.starts_at, b.window_id
                FROM bookings b JOIN service_items i ON i.id = b.item_id
                WHERE b.site_id = :site AND b.code = :code AND b.status IN (%s) AND b.starts_at >= :from AND b.starts_at < :to"""
                        .formatted(BookingStates.sqlSources(Status.ARRIVED)))
                .param("site", siteId).param("code", Bookings.normaliseCode(code)).param("from", slots.start(today))
                .param("to", slots.start(today.plusDays(1)))
                .query((rs, n) -> {
                    List<String> plain = personalData.revealAll(List.of(rs.getBytes(5), rs.getBytes(6)), "booking",
                            "gate check-in " + rs.getString(2));
                    int window = HallWindows.in(windows.of(siteId), rs.getLong(9)).number();
                    return new Visitor(rs.getString(2), rs.getString(3), org.hallsafe.shared.DocumentType.valueOf(rs.getString(4)),
                            plain.get(0), plain.get(1), summary(rs.getString(7), rs.getTimestamp(8).toInstant(), window));
                })
                .optional();
    }

    /**
     * A citizen screened at the gate arrives for today's booking, found by the code the screener scanned or else by
     * the document: admitted, the booking is checked in; refused, it is marked so. In the screening's transaction,
     * so screening and check-in are one step.
     */
    @EventListener
    void screened(CitizenScreened e) {
        if (e.decision() == Gate.Decision.RECHECK) {
            return;
        }
        LocalDate day = e.screenedAt().atZone(clock.getZone()).toLocalDate();
        Status status = e.decision() == Gate.Decision.ADMITTED ? Status.ARRIVED : Status.REFUSED;
        Optional<Long> id = jdbc.sql("""
                UPDATE bookings SET status = :status, arrived_at = :at, screening_id = :screening, changed_at = :at
                WHERE id = (SELECT id FROM bookings WHERE site_id = :site AND status IN (%s)
                              AND starts_at >= :from AND starts_at < :to
                              AND (code = :code OR doc_hash = :hash)
                            ORDER BY (code = :code) DESC, starts_at LIMIT 1)
                RETURNING id""".formatted(BookingStates.sqlSources(status)))
                .param("status", status.name()).param("at", Timestamp.from(e.screenedAt())).param("screening", e.screeningId())
                .param("site", e.siteId()).param("from", slots.start(day)).param("to", slots.start(day.plusDays(1)))
                .param("code", Bookings.normaliseCode(e.bookingCode())).param("hash", e.docHash() == null ? new byte[0] : e.docHash())
                .query(Long.class).optional();
        id.ifPresent(i -> {
            activity.record(status.name(), "booking", i, "screening " + e.screeningId());
            live.publishToSite(e.siteId(), "appointments");
        });
    }
}
