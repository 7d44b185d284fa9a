package org.hallsafe.appointments;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.Formats;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.screening.CitizenScreened;
import org.hallsafe.screening.ExpectedVisitors;
import org.hallsafe.screening.Gate;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings. Capacity is held by PostgreSQL: a place is taken by a conditional UPDATE of the window's slot and of the
 * hall's cap at that time, so no number of requests on any number of nodes overbooks; a full slot answers with the
 * next free ones. One person holds one active booking per item and a few a day, checked under a lock on the person.
 */
@Service
public class Bookings implements ExpectedVisitors {

    /** 32 letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L): 5 bits each. */
    private static final String CODE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** 8 of them: 2^40 codes, hopeless to guess at the rate the look-up allows (README, security). */
    static final int CODE_LENGTH = 8;
    /** The answer to a code and phone that do not belong together; the rate limit counts it against the code. */
    static final String NOT_FOUND = "appointments.manage.notFound";

    private final JdbcClient jdbc;
    private final org.hallsafe.platform.FormShape shape;
    private final Clock clock;
    private final Catalogue catalogue;
    private final Slots slots;
    private final PersonalData personalData;
    private final SmsChallenges challenges;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final Deliveries sms;
    private final Formats formats;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    Bookings(JdbcClient jdbc, Clock clock, Catalogue catalogue, Slots slots, PersonalData personalData,
            SmsChallenges challenges, ActivityLog activity, LiveUpdates live, Deliveries sms, Formats formats,
            org.hallsafe.platform.FormShape shape, org.springframework.context.ApplicationEventPublisher events) {
        this.shape = shape;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalogue = catalogue;
        this.slots = slots;
        this.personalData = personalData;
        this.challenges = challenges;
        this.activity = activity;
        this.live = live;
        this.sms = sms;
        this.formats = formats;
    }

    /** A booking as lists and the confirmation show it: personal data masked. */
    public record Booking(long id, String code, long itemId, String itemName, long slotId, long windowId,
            int windowNumber, String windowName, Instant startsAt, Instant endsAt, String name, org.hallsafe.shared.DocumentType docType,
            String docMasked, String phoneMasked, Channel channel, Status status, Instant createdAt, String createdBy,
            Instant arrivedAt, Long screeningId, Instant calledAt, String materials) {

        /** The name as the public confirmation shows it: the family name and a star for each other character. */
        public String maskedName() {
            return name.isEmpty() ? "" : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
        }

        public boolean active() {
            return status == Status.BOOKED;
        }

        /** The code as people read and type it: two groups of four ("K7MQ 3XPA"); typing ignores the space. */
        public String displayCode() {
            return code.length() == 8 ? code.substring(0, 4) + " " + code.substring(4) : code;
        }
    }

    /** The slot is full; {@code next} are the nearest slots of the item that still have places. */
    public static class SlotFullException extends InvalidInputException {

        private final transient List<Slots.Slot> next;

        SlotFullException(List<Slots.Slot> next) {
            super("slotId", "appointments.book.full");
            this.next = next;
        }

        public List<Slots.Slot> next() {
            return next;
        }
    }

    private static final String SELECT = """
            SELECT b.id, b.code, b.item_id, i.name AS item_name, b.slot_id, b.window_id, w.number AS window_number, w.name AS window_name,
                   b.starts_at, b.ends_at, b.name, b.doc_type, b.doc_masked, b.phone_masked, b.channel, b.status,
                   b.created_at, b.created_by, b.arrived_at, b.screening_id, b.called_at, i.materials
            FROM bookings b JOIN service_items i ON i.id = b.item_id JOIN service_windows w ON w.id = b.window_id
            """;

    /**
     * Books a place. Sent again with the same submission id, it answers with the first booking and takes no second
     * place. Phone and walk-in bookings are for signed-in staff only.
     */
    @Transactional
    public Booking book(long siteId, BookingForm f) {
        Catalogue.Settings settings = catalogue.settings(siteId);
        boolean selfService = f.channel() == Channel.WEB || f.channel() == Channel.WECHAT;
        if (!selfService && f.channel() != null && CurrentUser.find().isEmpty()) {
            throw new AccessDeniedException("phone and walk-in bookings are made by staff");
        }
        shape.check(f, f.ruleProblems(selfService && settings.smsVerification()));
        Optional<Booking> earlier = bySubmission(siteId, f);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (selfService && settings.postponed()) {
            throw new InvalidInputException("itemId", "appointments.postponed.noWeb");
        }
        Catalogue.Item item = catalogue.find(siteId, f.itemId()).filter(i -> !i.retired())
                .orElseThrow(() -> new InvalidInputException("itemId", "appointments.book.item"));
        Slots.Slot slot = slotFor(siteId, f.slotId(), item, selfService);
        String doc = f.normalisedDocNo();
        byte[] docHash = personalData.lookupHash(doc);
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "booking:" + siteId + ":" + HexFormat.of().formatHex(docHash)).query((rs, n) -> 1).list();
        earlier = bySubmission(siteId, f);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        personLimits(siteId, item.id(), docHash, slot.startsAt(), settings.perPersonDaily());
        if (selfService) {
            phoneLimit(siteId, personalData.lookupHash(new PhoneNumber(f.phone()).value()), slot.startsAt(),
                    settings.perPersonDaily());
        }
        if (selfService && settings.smsVerification()) {
            long challenge = challenges.verify(siteId, new PhoneNumber(f.phone()).value(), item.id(), f.smsCode());
            challenges.use(challenge);
        }
        take(siteId, slot, item.id());
        PhoneNumber phone = new PhoneNumber(f.phone());
        SealedValue sealedDoc = personalData.seal(doc, f.docMasked());
        SealedValue sealedPhone = personalData.seal(phone.value(), phone.masked());
        Instant now = clock.instant();
        Long id = null;
        while (id == null) {
            id = jdbc.sql("""
                    INSERT INTO bookings (site_id, submission_id, code, item_id, slot_id, window_id, starts_at, ends_at,
                        name, doc_type, doc_masked, doc_hash, doc_cipher, phone_masked, phone_hash, phone_cipher, channel,
                        status, created_at, created_by, changed_at)
                    VALUES (:site, :submission, :code, :item, :slot, :window, :starts, :ends, :name, :docType, :docMasked,
                        :docHash, :docCipher, :phoneMasked, :phoneHash, :phoneCipher, :channel, 'BOOKED', :now, :by, :now)
                    ON CONFLICT (site_id, code) DO NOTHING RETURNING id""")
                    .param("site", siteId).param("submission", f.submissionId()).param("code", newCode())
                    .param("item", item.id()).param("slot", slot.id()).param("window", slot.windowId())
                    .param("starts", Timestamp.from(slot.startsAt())).param("ends", Timestamp.from(slot.endsAt()))
                    .param("name", f.name().strip()).param("docType", f.docType().name())
                    .param("docMasked", sealedDoc.masked()).param("docHash", docHash)
                    .param("docCipher", sealedDoc.cipherText()).param("phoneMasked", sealedPhone.masked())
                    .param("phoneHash", sealedPhone.lookupHash()).param("phoneCipher", sealedPhone.cipherText())
                    .param("channel", f.channel().name()).param("now", Timestamp.from(now))
                    .param("by", selfService ? "citizen" : Catalogue.actor())
                    .query(Long.class).optional().orElse(null);
        }
        Booking booking = byId(siteId, id);
        activity.record("CREATED", "booking", id, booking.code() + " " + item.name() + " " + formats.dateTime(slot.startsAt())
                + " " + f.channel());
        live.publishToSite(siteId, "appointments");
        String confirmation = catalogue.word("appointments.sms.booked", booking.code(), item.name(),
                formats.dateTime(booking.startsAt()), booking.windowNumber());
        // written to the outbox with the booking and sent by its worker once this commits: a slow gateway never holds
        // the slot's lock, a rolled-back booking sends nothing (issue 19, item 3)
        text(siteId, id, "BOOKED", phone::value, phone.masked(), booking.maskedName(), confirmation, booking.code());
        return booking;
    }

    private Optional<Booking> bySubmission(long siteId, BookingForm f) {
        return jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.submission_id = :submission")
                .param("site", siteId).param("submission", f.submissionId()).query(Booking.class).optional();
    }

    private Slots.Slot slotFor(long siteId, long slotId, Catalogue.Item item, boolean selfService) {
        Slots.Slot slot = slots.find(siteId, slotId).orElse(null);
        Instant now = clock.instant();
        if (slot == null || !item.windowIds().contains(slot.windowId()) || !slot.startsAt().isAfter(now)
                || selfService && slot.releasedAt().isAfter(now)) {
            throw new InvalidInputException("slotId", "appointments.book.slotGone");
        }
        return slot;
    }

    private void personLimits(long siteId, long itemId, byte[] docHash, Instant startsAt, int perDay) {
        boolean sameItem = jdbc.sql("""
                SELECT count(*) > 0 FROM bookings WHERE site_id = :site AND doc_hash = :hash AND item_id = :item
                  AND status IN ('BOOKED','ARRIVED','CALLED')""")
                .param("site", siteId).param("hash", docHash).param("item", itemId).query(Boolean.class).single();
        if (sameItem) {
            throw new InvalidInputException("docNo", "appointments.book.duplicate");
        }
        LocalDate day = startsAt.atZone(clock.getZone()).toLocalDate();
        long that = jdbc.sql("""
                SELECT count(*) FROM bookings WHERE site_id = :site AND doc_hash = :hash AND starts_at >= :from
                  AND starts_at < :to AND status IN ('BOOKED','ARRIVED','CALLED','DONE')""")
                .param("site", siteId).param("hash", docHash).param("from", slots.start(day))
                .param("to", slots.start(day.plusDays(1))).query(Long.class).single();
        if (that >= perDay) {
            throw new InvalidInputException("docNo", "appointments.book.daily");
        }
    }

    /**
     * One phone holds as many self-service bookings a day as one person may (issue 12: one phone booked every place of
     * an item with made-up ID numbers). Checked under a lock on the phone, so a burst cannot slip past.
     */
    private void phoneLimit(long siteId, byte[] phoneHash, Instant startsAt, int perDay) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "booking-phone:" + siteId + ":" + HexFormat.of().formatHex(phoneHash)).query((rs, n) -> 1).list();
        LocalDate day = startsAt.atZone(clock.getZone()).toLocalDate();
        long that = jdbc.sql("""
                SELECT count(*) FROM bookings WHERE site_id = :site AND phone_hash = :hash AND starts_at >= :from
                  AND starts_at < :to AND status IN ('BOOKED','ARRIVED','CALLED','DONE') AND channel IN ('WEB','WECHAT')""")
                .param("site", siteId).param("hash", phoneHash).param("from", slots.start(day))
                .param("to", slots.start(day.plusDays(1))).query(Long.class).single();
        if (that >= perDay) {
            throw new InvalidInputException("phone", "appointments.book.phoneDaily");
        }
    }

    /** Takes a place in the window's slot and under the hall's cap, or answers "full" and takes none. */
    private void take(long siteId, Slots.Slot slot, long itemId) {
        int window = jdbc.sql("UPDATE slots SET booked = booked + 1 WHERE id = :id AND booked < capacity")
                .param("id", slot.id()).update();
        int hall = window == 0 ? 0 : jdbc.sql("""
                UPDATE hall_slots SET booked = booked + 1 WHERE site_id = :site AND starts_at = :t AND booked < cap""")
                .param("site", siteId).param("t", Timestamp.from(slot.startsAt())).update();
        if (hall == 0) {
            // the transaction rolls back: the window's place, if taken, is given back with it
            throw new SlotFullException(slots.nextFree(siteId, itemId, 3));
        }
    }

    private void giveBack(long siteId, long slotId, Instant startsAt) {
        jdbc.sql("UPDATE slots SET booked = booked - 1 WHERE id = :id AND booked > 0").param("id", slotId).update();
        jdbc.sql("UPDATE hall_slots SET booked = booked - 1 WHERE site_id = :site AND starts_at = :t AND booked > 0")
                .param("site", siteId).param("t", Timestamp.from(startsAt)).update();
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    }

    @Transactional(readOnly = true)
    public Booking byId(long siteId, long id) {
        return jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.id = :id").param("site", siteId).param("id", id)
                .query(Booking.class).optional().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Booking> find(long siteId, String code) {
        return jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.code = :code").param("site", siteId)
                .param("code", normaliseCode(code)).query(Booking.class).optional();
    }

    /** A citizen's own booking: the code and the phone it was made with must both match. */
    @Transactional(readOnly = true)
    public Booking mine(long siteId, String code, String phone) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (normaliseCode(code).isEmpty()) {
            problems.put("code", "validation.required");
        }
        if (phone == null || !PhoneNumber.isValid(phone)) {
            problems.put("phone", phone == null || phone.isBlank() ? "validation.required" : "phone.invalid");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return jdbc.sql(SELECT + " WHERE b.site_id = :site AND b.code = :code AND b.phone_hash = :phone")
                .param("site", siteId).param("code", normaliseCode(code))
                .param("phone", personalData.lookupHash(new PhoneNumber(phone).value())).query(Booking.class).optional()
                .orElseThrow(() -> new InvalidInputException("code", NOT_FOUND));
    }

    /** Cancels a booking still to come and gives its place back; cancelling twice changes nothing. */
    @Transactional
    public Booking cancel(long siteId, String code, String phone) {
        Booking b = mine(siteId, code, phone);
        if (b.status() == Status.CANCELLED) {
            return b;
        }
        if (b.status() != Status.BOOKED) {
            throw new InvalidInputException("code", "appointments.manage.notActive");
        }
        int n = jdbc.sql("""
                UPDATE bookings SET status = 'CANCELLED', changed_at = :now WHERE id = :id AND status = 'BOOKED'""")
                .param("now", Timestamp.from(clock.instant())).param("id", b.id()).update();
        if (n == 1) {
            giveBack(siteId, b.slotId(), b.startsAt());
            activity.record("CANCELLED", "booking", b.id(), b.code());
            live.publishToSite(siteId, "appointments");
        }
        return byId(siteId, b.id());
    }

    /**
     * Moves a booking to another slot of the same item: the new place is taken first, then the old one given back,
     * in one transaction; a full slot leaves the booking as it was.
     */
    @Transactional
    public Booking reschedule(long siteId, String code, String phone, Long slotId) {
        Booking b = mine(siteId, code, phone);
        if (b.status() != Status.BOOKED) {
            throw new InvalidInputException("code", "appointments.manage.notActive");
        }
        if (slotId == null) {
            throw new InvalidInputException("slotId", "appointments.book.slot");
        }
        if (slotId == b.slotId()) {
            return b;
        }
        Catalogue.Item item = catalogue.item(siteId, b.itemId());
        Slots.Slot slot = slotFor(siteId, slotId, item, CurrentUser.find().isEmpty());
        int locked = jdbc.sql("SELECT id FROM bookings WHERE id = :id AND status = 'BOOKED' FOR UPDATE")
                .param("id", b.id()).query(Long.class).list().size();
        if (locked == 0) {
            throw new InvalidInputException("code", "appointments.manage.notActive");
        }
        take(siteId, slot, item.id());
        giveBack(siteId, b.slotId(), b.startsAt());
        jdbc.sql("""
                UPDATE bookings SET slot_id = :slot, window_id = :window, starts_at = :starts, ends_at = :ends,
                    changed_at = :now, reminded_day_at = NULL, reminded_hour_at = NULL WHERE id = :id""")
                .param("slot", slot.id()).param("window", slot.windowId()).param("starts", Timestamp.from(slot.startsAt()))
                .param("ends", Timestamp.from(slot.endsAt())).param("now", Timestamp.from(clock.instant()))
                .param("id", b.id()).update();
        activity.record("RESCHEDULED", "booking", b.id(), b.code() + " " + formats.dateTime(b.startsAt()) + " → "
                + formats.dateTime(slot.startsAt()));
        live.publishToSite(siteId, "appointments");
        return byId(siteId, b.id());
    }

    // ---- the day at the hall

    /** A day's bookings of the hall or of one window, in slot order. */
    @Transactional(readOnly = true)
    public List<Booking> day(long siteId, Long windowId, LocalDate day) {
        return jdbc.sql(SELECT + """
                WHERE b.site_id = :site AND b.starts_at >= :from AND b.starts_at < :to
                  AND (CAST(:window AS bigint) IS NULL OR b.window_id = :window)
                ORDER BY b.starts_at, b.arrived_at NULLS LAST, b.id""")
                .param("site", siteId).param("from", slots.start(day)).param("to", slots.start(day.plusDays(1)))
                .param("window", windowId).query(Booking.class).list();
    }

    /** Calls the next person who has arrived for the window: the earliest slot first, then the earliest arrival. */
    @Transactional
    public Optional<Booking> callNext(long siteId, long windowId) {
        LocalDate today = LocalDate.now(clock);
        Optional<Long> id = jdbc.sql("""
                UPDATE bookings SET status = 'CALLED', called_at = :now, changed_at = :now
                WHERE id = (SELECT id FROM bookings WHERE site_id = :site AND window_id = :window AND status = 'ARRIVED'
                              AND starts_at >= :from AND starts_at < :to
                            ORDER BY starts_at, arrived_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("window", windowId)
                .param("from", slots.start(today)).param("to", slots.start(today.plusDays(1))).query(Long.class).optional();
        Optional<Booking> called = id.map(i -> byId(siteId, i));
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
    public void done(long siteId, long id) {
        int n = jdbc.sql("""
                UPDATE bookings SET status = 'DONE', changed_at = :now WHERE site_id = :site AND id = :id AND status = 'CALLED'""")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("id", id).update();
        if (n == 1) {
            activity.record("DONE", "booking", id, "");
            live.publishToSite(siteId, "appointments");
        }
    }

    /** Bookings whose slot ended more than the hall's grace ago without arrival become no-shows; returns how many. */
    @Transactional
    public int markNoShows() {
        List<Long> sites = jdbc.sql("""
                UPDATE bookings b SET status = 'NO_SHOW', changed_at = :now
                WHERE status = 'BOOKED' AND b.ends_at + make_interval(mins => coalesce(
                    (SELECT no_show_minutes FROM appointment_settings s WHERE s.site_id = b.site_id), 30)) < :now
                RETURNING site_id""").param("now", Timestamp.from(clock.instant())).query(Long.class).list();
        sites.stream().distinct().forEach(s -> live.publishToSite(s, "appointments"));
        return sites.size();
    }

    // ---- reminders

    /** One reminder to send. */
    record Due(long id, long siteId, String code, String name, String itemName, Instant startsAt, int windowNumber,
            String phoneMasked, byte[] phoneCipher) {
    }

    /**
     * Claims and sends the reminders due: the day before (for bookings made earlier than that) and an hour before.
     * Each is claimed by a conditional UPDATE, so it goes out once however many nodes run this.
     */
    @Transactional
    public int sendReminders() {
        Instant now = clock.instant();
        int sent = 0;
        for (String kind : List.of("day", "hour")) {
            String column = kind.equals("day") ? "reminded_day_at" : "reminded_hour_at";
            String ahead = kind.equals("day") ? "24 hours" : "1 hour";
            List<Due> due = jdbc.sql("""
                    WITH claimed AS (
                        UPDATE bookings SET %1$s = :now
                        WHERE status = 'BOOKED' AND %1$s IS NULL AND starts_at > :now
                          AND starts_at - interval '%2$s' <= :now AND created_at < starts_at - interval '%2$s'
                        RETURNING id, site_id, code, name, item_id, starts_at, window_id, phone_masked, phone_cipher)
                    SELECT c.id, c.site_id, c.code, c.name, i.name AS item_name, c.starts_at, w.number AS window_number, c.phone_masked,
                           c.phone_cipher
                    FROM claimed c JOIN service_items i ON i.id = c.item_id JOIN service_windows w ON w.id = c.window_id"""
                    .formatted(column, ahead))
                    .param("now", Timestamp.from(now)).query(Due.class).list();
            for (Due d : due) {
                Catalogue.Settings settings = catalogue.settings(d.siteId());
                String template = kind.equals("day") ? settings.reminderDayText() : settings.reminderHourText();
                String text = template.replace("{name}", d.name()).replace("{item}", d.itemName())
                        .replace("{time}", formats.dateTime(d.startsAt())).replace("{window}", String.valueOf(d.windowNumber()))
                        .replace("{code}", d.code());
                text(d.siteId(), d.id(), "REMINDER_" + kind.toUpperCase(java.util.Locale.ROOT),
                        () -> personalData.reveal(d.phoneCipher(), "booking", d.id(), "phone (reminder)"),
                        d.phoneMasked(), d.name(), text, d.code());
                sent++;
            }
        }
        return sent;
    }

    private void text(long siteId, long bookingId, String purpose, java.util.function.Supplier<String> phone, String masked,
            String recipient, String text, String code) {
        sms.enqueueSms(new Deliveries.Sms(siteId, "booking", String.valueOf(bookingId), purpose, "booking:" + bookingId,
                recipient, masked, text), phone, code);
    }

    // ---- arrival at the gate

    @Override
    @Transactional(readOnly = true)
    public Optional<Preview> preview(long siteId, String code) {
        LocalDate today = LocalDate.now(clock);
        return find(siteId, code).filter(b -> b.status() == Status.BOOKED
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
                SELECT b.id, b.code, b.name, b.doc_type, b.doc_cipher, b.phone_cipher, i.name, b.starts_at, w.number
                FROM bookings b JOIN service_items i ON i.id = b.item_id JOIN service_windows w ON w.id = b.window_id
                WHERE b.site_id = :site AND b.code = :code AND b.status = 'BOOKED' AND b.starts_at >= :from AND b.starts_at < :to""")
                .param("site", siteId).param("code", normaliseCode(code)).param("from", slots.start(today))
                .param("to", slots.start(today.plusDays(1)))
                .query((rs, n) -> {
                    List<String> plain = personalData.revealAll(List.of(rs.getBytes(5), rs.getBytes(6)), "booking",
                            "gate check-in " + rs.getString(2));
                    return new Visitor(rs.getString(2), rs.getString(3), org.hallsafe.shared.DocumentType.valueOf(rs.getString(4)),
                            plain.get(0), plain.get(1), summary(rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getInt(9)));
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
        String status = e.decision() == Gate.Decision.ADMITTED ? "ARRIVED" : "REFUSED";
        Optional<Long> id = jdbc.sql("""
                UPDATE bookings SET status = :status, arrived_at = :at, screening_id = :screening, changed_at = :at
                WHERE id = (SELECT id FROM bookings WHERE site_id = :site AND status = 'BOOKED'
                              AND starts_at >= :from AND starts_at < :to
                              AND (code = :code OR doc_hash = :hash)
                            ORDER BY (code = :code) DESC, starts_at LIMIT 1)
                RETURNING id""")
                .param("status", status).param("at", Timestamp.from(e.screenedAt())).param("screening", e.screeningId())
                .param("site", e.siteId()).param("from", slots.start(day)).param("to", slots.start(day.plusDays(1)))
                .param("code", normaliseCode(e.bookingCode())).param("hash", e.docHash() == null ? new byte[0] : e.docHash())
                .query(Long.class).optional();
        id.ifPresent(i -> {
            activity.record(status, "booking", i, "screening " + e.screeningId());
            live.publishToSite(e.siteId(), "appointments");
        });
    }
}
