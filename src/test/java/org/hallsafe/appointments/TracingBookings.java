package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.shared.DocumentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bookings for the tracing tests (issue 17), through the real services: an item at windows, a day of slots, a walk-in
 * booking, the window's call and its 办结.
 */
@Component
public class TracingBookings {

    private final Catalogue catalogue;
    private final Slots slots;
    private final Bookings bookings;
    private final WindowQueue queue;
    private final JdbcClient jdbc;

    TracingBookings(Catalogue catalogue, Slots slots, Bookings bookings, WindowQueue queue, JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.slots = slots;
        this.bookings = bookings;
        this.queue = queue;
        this.jdbc = jdbc;
    }

    /** An item served at these windows, with slots on {@code day} (the clock must be on or before it). */
    public long itemWithSlots(long siteId, String name, List<Long> windows, LocalDate day) {
        long item = catalogue.saveItem(siteId, null, new ItemForm(name, 20, "", "", false, windows));
        slots.generate(siteId, new GenerateForm(day, day, windows, 4, 40, null));
        return item;
    }

    /** A walk-in booking of the slot of {@code window} that starts at {@code startsAt}; its code. */
    public String book(long siteId, long item, long window, Instant startsAt, String name, String idNumber, String phone) {
        long slot = jdbc.sql("SELECT id FROM slots WHERE site_id = :site AND window_id = :w AND starts_at = :t")
                .param("site", siteId).param("w", window).param("t", Timestamp.from(startsAt)).query(Long.class).single();
        return bookings.book(siteId, new BookingForm(UUID.randomUUID(), item, slot, name, DocumentType.ID_CARD, idNumber,
                phone, null, Channel.WALK_IN)).code();
    }

    /** The window calls the next person who arrived; their booking code. */
    public String callNext(long siteId, long window) {
        return bookings.callNext(siteId, window).orElseThrow().code();
    }

    /** The window marks the booking served (办结). */
    public void done(long siteId, String code) {
        queue.done(siteId, bookings.find(siteId, code).orElseThrow().id());
    }
}
