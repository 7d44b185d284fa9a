package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.Formats;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS a booking sends: the confirmation, and the reminders the day before and an hour before. Written to the
 * outbox with the booking and sent by its worker once this commits: a slow gateway never holds the slot's lock, a
 * rolled-back booking sends nothing (issue 19, item 3).
 */
@Component
class BookingTexts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Catalogue catalogue;
    private final HallWindows windows;
    private final PersonalData personalData;
    private final Deliveries sms;
    private final Formats formats;

    BookingTexts(JdbcClient jdbc, Clock clock, Catalogue catalogue, HallWindows windows, PersonalData personalData,
            Deliveries sms, Formats formats) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalogue = catalogue;
        this.windows = windows;
        this.personalData = personalData;
        this.sms = sms;
        this.formats = formats;
    }

    /** The confirmation of a booking just made. */
    void booked(long siteId, Bookings.Booking booking, PhoneNumber phone) {
        String confirmation = catalogue.word("appointments.sms.booked", booking.code(), booking.itemName(),
                formats.dateTime(booking.startsAt()), booking.windowNumber());
        text(siteId, booking.id(), "BOOKED", phone::value, phone.masked(), booking.maskedName(), confirmation,
                booking.code());
    }

    /** One reminder to send. */
    record Due(long id, long siteId, String code, String name, String itemName, Instant startsAt, long windowId,
            String phoneMasked, byte[] phoneCipher) {
    }

    /**
     * Claims and sends the reminders due: the day before (for bookings made earlier than that) and an hour before.
     * Each is claimed by a conditional UPDATE, so it goes out once however many nodes run this.
     */
    @Transactional
    int sendReminders() {
        Instant now = clock.instant();
        int sent = 0;
        for (String kind : List.of("day", "hour")) {
            String column = kind.equals("day") ? "reminded_day_at" : "reminded_hour_at";
            String ahead = kind.equals("day") ? "24 hours" : "1 hour";
            List<Due> due = jdbc.sql("""
                    WITH claimed AS (
                        UPDATE bookings SET %1$s = :now
                        WHERE status = '%3$s' AND %1$s IS NULL AND starts_at > :now
                          AND starts_at - interval '%2$s' <= :now AND created_at < starts_at - interval '%2$s'
                        RETURNING id, site_id, code, name, item_id, starts_at, window_id, phone_masked, phone_cipher)
                    SELECT c.id, c.site_id, c.code, c.name, i.name AS item_name, c.starts_at, c.window_id, c.phone_masked,
                           c.phone_cipher
                    FROM claimed c JOIN service_items i ON i.id = c.item_id"""
                    .formatted(column, ahead, Status.BOOKED.name()))
                    .param("now", Timestamp.from(now)).query(Due.class).list();
            for (Due d : due) {
                Catalogue.Settings settings = catalogue.settings(d.siteId());
                int window = HallWindows.in(windows.of(d.siteId()), d.windowId()).number();
                String template = kind.equals("day") ? settings.reminderDayText() : settings.reminderHourText();
                String text = template.replace("{name}", d.name()).replace("{item}", d.itemName())
                        .replace("{time}", formats.dateTime(d.startsAt())).replace("{window}", String.valueOf(window))
                        .replace("{code}", d.code());
                text(d.siteId(), d.id(), "REMINDER_" + kind.toUpperCase(Locale.ROOT),
                        () -> personalData.reveal(d.phoneCipher(), "booking", d.id(), "phone (reminder)"),
                        d.phoneMasked(), d.name(), text, d.code());
                sent++;
            }
        }
        return sent;
    }

    private void text(long siteId, long bookingId, String purpose, Supplier<String> phone, String masked,
            String recipient, String text, String code) {
        sms.enqueueSms(new Deliveries.Sms(siteId, "booking", String.valueOf(bookingId), purpose, "booking:" + bookingId,
                recipient, masked, text), phone, code);
    }
}
