package org.hallsafe.appointments;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.Formats;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings, the module's facade: book, cancel, move, read, call. Capacity is held by PostgreSQL ({@link BookingPlaces});
 * one person holds one active booking per item and a few a day ({@link BookingLimits}); the SMS go through the outbox
 * ({@link BookingTexts}); the window's queue is {@link WindowQueue}, arrival at the gate {@link GateArrivals}; where a
 * booking may go from where it stands is {@link BookingStates}.
 */
@Service
public class Bookings {

    /** 32 letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L): 5 bits each. */
    private static final String CODE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** 8 of them: 2^40 codes, hopeless to guess at the rate the look-up allows (README, security). */
    static final int CODE_LENGTH = 8;
    /** The answer to a code and phone that do not belong together; the rate limit counts it against the code. */
    static final String NOT_FOUND = "appointments.manage.notFound";

    private final JdbcClient jdbc;
    private final FormShape shape;
    private final Clock clock;
    private final Catalogue catalogue;
    private final BookingReads reads;
    private final BookingPlaces places;
    private final BookingLimits limits;
    private final BookingTexts texts;
    private final WindowQueue queue;
    private final PersonalData personalData;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final Formats formats;
    private final SecureRandom random = new SecureRandom();

    Bookings(JdbcClient jdbc, FormShape shape, Clock clock, Catalogue catalogue, BookingReads reads,
            BookingPlaces places, BookingLimits limits, BookingTexts texts, WindowQueue queue,
            PersonalData personalData, ActivityLog activity, LiveUpdates live, Formats formats) {
        this.jdbc = jdbc;
        this.shape = shape;
        this.clock = clock;
        this.catalogue = catalogue;
        this.reads = reads;
        this.places = places;
        this.limits = limits;
        this.texts = texts;
        this.queue = queue;
        this.personalData = personalData;
        this.activity = activity;
        this.live = live;
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

        Booking at(WindowView w) {
            return new Booking(id, code, itemId, itemName, slotId, windowId, w.number(), w.name(), startsAt, endsAt, name,
                    docType, docMasked, phoneMasked, channel, status, createdAt, createdBy, arrivedAt, screeningId,
                    calledAt, materials);
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

    /**
     * Books a place. Sent again with the same submission id, it answers with the first booking and takes no second
     * place. Phone and walk-in bookings are for signed-in staff only. The form's shape and the hall's rules are
     * checked here, everything at once, for a caller that did not come through Spring MVC (the duty desk, a job).
     */
    @Transactional
    public Booking book(long siteId, BookingForm f) {
        return book(siteId, f, true);
    }

    /**
     * A booking from this module's pages and API, whose {@code @Valid} has already checked the form's shape in this
     * request (with the messages that name the bound, "最多40个字"): the shape is not checked a second time, the
     * hall's rules are. A citizen booking here gives the separate consent to the ID number (issue 20, item 5).
     */
    @Transactional
    Booking bookShaped(long siteId, BookingForm f) {
        return book(siteId, f, false);
    }

    private Booking book(long siteId, BookingForm f, boolean checkShape) {
        Catalogue.Settings settings = catalogue.settings(siteId);
        boolean selfService = f.channel() == Channel.WEB || f.channel() == Channel.WECHAT;
        if (!selfService && f.channel() != null && CurrentUser.find().isEmpty()) {
            throw new AccessDeniedException("phone and walk-in bookings are made by staff");
        }
        Map<String, String> rules = f.ruleProblems(selfService && settings.smsVerification(), selfService && !checkShape);
        if (checkShape) {
            shape.check(f, rules);
        } else if (!rules.isEmpty()) {
            throw new InvalidInputException(rules);
        }
        Optional<Booking> earlier = reads.bySubmission(siteId, f.submissionId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (selfService && settings.postponed()) {
            throw new InvalidInputException("itemId", "appointments.postponed.noWeb");
        }
        Catalogue.Item item = catalogue.find(siteId, f.itemId()).filter(i -> !i.retired())
                .orElseThrow(() -> new InvalidInputException("itemId", "appointments.book.item"));
        Slots.Slot slot = places.slotFor(siteId, f.slotId(), item, selfService);
        // issue 18: a slot already full is answered from this read, without a write or a lock; one with places left
        // is taken by the conditional UPDATE below, which alone decides when the last places go at once
        places.refuseIfFull(siteId, slot, item.id());
        String doc = f.normalisedDocNo();
        byte[] docHash = personalData.lookupHash(doc);
        limits.lockPerson(siteId, docHash);
        earlier = reads.bySubmission(siteId, f.submissionId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        limits.person(siteId, item.id(), docHash, slot.startsAt(), settings.perPersonDaily());
        PhoneNumber phone = new PhoneNumber(f.phone());
        if (selfService) {
            limits.phone(siteId, personalData.lookupHash(phone.value()), slot.startsAt(), settings.perPersonDaily());
        }
        if (selfService && settings.smsVerification()) {
            limits.smsCode(siteId, phone.value(), item.id(), f.smsCode());
        }
        places.take(siteId, slot, item.id());
        SealedValue sealedDoc = personalData.seal(doc, f.docMasked());
        SealedValue sealedPhone = personalData.seal(phone.value(), phone.masked());
        Instant now = clock.instant();
        Long id = null;
        while (id == null) {
            id = jdbc.sql("""
                    INSERT INTO bookings (site_id, submission_id, code, item_id, slot_id, window_id, starts_at, ends_at,
                        name, doc_type, doc_masked, doc_hash, doc_cipher, phone_masked, phone_hash, phone_cipher, channel,
                        status, created_at, created_by, changed_at, consent_at)
                    VALUES (:site, :submission, :code, :item, :slot, :window, :starts, :ends, :name, :docType, :docMasked,
                        :docHash, :docCipher, :phoneMasked, :phoneHash, :phoneCipher, :channel, 'BOOKED', :now, :by, :now,
                        :consentAt)
                    ON CONFLICT (site_id, code) DO NOTHING RETURNING id""")
                    .param("site", siteId).param("submission", f.submissionId()).param("code", newCode())
                    .param("item", item.id()).param("slot", slot.id()).param("window", slot.windowId())
                    .param("starts", Timestamp.from(slot.startsAt())).param("ends", Timestamp.from(slot.endsAt()))
                    .param("name", f.name().strip()).param("docType", f.docType().name())
                    .param("docMasked", sealedDoc.masked()).param("docHash", docHash)
                    .param("docCipher", sealedDoc.cipherText()).param("phoneMasked", sealedPhone.masked())
                    .param("phoneHash", sealedPhone.lookupHash()).param("phoneCipher", sealedPhone.cipherText())
                    .param("channel", f.channel().name()).param("now", Timestamp.from(now))
                    .param("by", selfService ? "citizen" : SignedIn.actor())
                    .param("consentAt", selfService && f.consented() ? Timestamp.from(now) : null)
                    .query(Long.class).optional().orElse(null);
        }
        Booking booking = reads.byId(siteId, id);
        activity.record("CREATED", "booking", id, booking.code() + " " + item.name() + " " + formats.dateTime(slot.startsAt())
                + " " + f.channel());
        live.publishToSite(siteId, "appointments");
        texts.booked(siteId, booking, phone);
        return booking;
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

    // ---- reading

    @Transactional(readOnly = true)
    public Booking byId(long siteId, long id) {
        return reads.byId(siteId, id);
    }

    @Transactional(readOnly = true)
    public Optional<Booking> find(long siteId, String code) {
        return reads.find(siteId, code);
    }

    /** A day's bookings of the hall or of one window, in slot order. */
    @Transactional(readOnly = true)
    public List<Booking> day(long siteId, Long windowId, LocalDate day) {
        return reads.day(siteId, windowId, day);
    }

    /** The codes of the hall's bookings among {@code ids} (another hall's are not there). */
    @Transactional(readOnly = true)
    public Map<Long, String> codes(long siteId, Collection<Long> ids) {
        return reads.codes(siteId, ids);
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
        return reads.byCodeAndPhone(siteId, code, personalData.lookupHash(new PhoneNumber(phone).value()))
                .orElseThrow(() -> new InvalidInputException("code", NOT_FOUND));
    }

    // ---- the citizen's changes

    /** Cancels a booking still to come and gives its place back; cancelling twice changes nothing. */
    @Transactional
    public Booking cancel(long siteId, String code, String phone) {
        return cancel(siteId, mine(siteId, code, phone));
    }

    /** Cancels one of the phone's bookings ("我的预约"); another phone's booking is not found. */
    @Transactional
    Booking cancelOfPhone(long siteId, byte[] phoneHash, long id) {
        return cancel(siteId, reads.byIdAndPhone(siteId, id, phoneHash)
                .orElseThrow(() -> new InvalidInputException("code", NOT_FOUND)));
    }

    private Booking cancel(long siteId, Booking b) {
        if (b.status() == Status.CANCELLED) {
            return b;
        }
        if (!BookingStates.allows(b.status(), Status.CANCELLED)) {
            throw new InvalidInputException("code", "appointments.manage.notActive");
        }
        int n = jdbc.sql("UPDATE bookings SET status = 'CANCELLED', changed_at = :now WHERE id = :id AND status IN ("
                        + BookingStates.sqlSources(Status.CANCELLED) + ")")
                .param("now", Timestamp.from(clock.instant())).param("id", b.id()).update();
        if (n == 1) {
            places.giveBack(siteId, b.slotId(), b.startsAt());
            activity.record("CANCELLED", "booking", b.id(), b.code());
            live.publishToSite(siteId, "appointments");
        }
        return reads.byId(siteId, b.id());
    }

    /**
     * Moves a booking to another slot of the same item: the new place is taken first, then the old one given back,
     * in one transaction; a full slot leaves the booking as it was.
     */
    @Transactional
    public Booking reschedule(long siteId, String code, String phone, Long slotId) {
        Booking b = mine(siteId, code, phone);
        if (!BookingStates.allows(b.status(), Status.BOOKED)) {
            throw new InvalidInputException("code", "appointments.manage.notActive");
        }
        if (slotId == null) {
            throw new InvalidInputException("slotId", "appointments.book.slot");
        }
        if (slotId == b.slotId()) {
            return b;
        }
        Catalogue.Item item = catalogue.item(siteId, b.itemId());
        Slots.Slot slot = places.slotFor(siteId, slotId, item, CurrentUser.find().isEmpty());
        int locked = jdbc.sql("SELECT id FROM bookings WHERE id = :id AND status IN ("
                        + BookingStates.sqlSources(Status.BOOKED) + ") FOR UPDATE")
                .param("id", b.id()).query(Long.class).list().size();
        if (locked == 0) {
            throw new InvalidInputException("code", "appointments.manage.notActive");
        }
        places.take(siteId, slot, item.id());
        places.giveBack(siteId, b.slotId(), b.startsAt());
        jdbc.sql("""
                UPDATE bookings SET slot_id = :slot, window_id = :window, starts_at = :starts, ends_at = :ends,
                    changed_at = :now, reminded_day_at = NULL, reminded_hour_at = NULL WHERE id = :id""")
                .param("slot", slot.id()).param("window", slot.windowId()).param("starts", Timestamp.from(slot.startsAt()))
                .param("ends", Timestamp.from(slot.endsAt())).param("now", Timestamp.from(clock.instant()))
                .param("id", b.id()).update();
        activity.record("RESCHEDULED", "booking", b.id(), b.code() + " " + formats.dateTime(b.startsAt()) + " → "
                + formats.dateTime(slot.startsAt()));
        live.publishToSite(siteId, "appointments");
        return reads.byId(siteId, b.id());
    }

    // ---- the window

    /** Calls the next person who has arrived for the window (see {@link WindowQueue#callNext}). */
    @Transactional
    public Optional<Booking> callNext(long siteId, long windowId) {
        return queue.callNext(siteId, windowId);
    }
}
