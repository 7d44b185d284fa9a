package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.appointments.AppointmentForms.ConsultationForm;
import org.hallsafe.appointments.AppointmentForms.Outcome;
import org.hallsafe.appointments.AppointmentForms.RosterForm;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty while the hall is closed (R-SVC-2): who is on duty at which window and phone line each day, and the log of the
 * calls they answer, with what was answered and how the call ended; a caller may be booked from within the call.
 */
@Service
public class Duty {

    private final JdbcClient jdbc;
    private final org.hallsafe.platform.FormShape shape;
    private final Clock clock;
    private final StaffDirectory staff;
    private final Bookings bookings;
    private final Catalogue catalogue;
    private final PersonalData personalData;
    private final ActivityLog activity;
    private final LiveUpdates live;

    Duty(JdbcClient jdbc, Clock clock, StaffDirectory staff, Bookings bookings, Catalogue catalogue,
            PersonalData personalData, ActivityLog activity, LiveUpdates live, org.hallsafe.platform.FormShape shape) {
        this.shape = shape;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
        this.staff = staff;
        this.bookings = bookings;
        this.personalData = personalData;
        this.activity = activity;
        this.live = live;
    }

    /** One post of one day. */
    public record Post(long id, LocalDate day, Long windowId, Integer windowNumber, String windowName, String phoneLine,
            long staffId, String staffName, String staffPhoneMasked, String note) {
    }

    /** A logged call, phone masked. */
    public record Consultation(long id, Instant takenAt, String takenBy, Long windowId, Integer windowNumber,
            String callerName, String phoneMasked, Long itemId, String itemName, String matter, String answer,
            Outcome outcome, String followUp, Instant followUpDoneAt, Long bookingId, String bookingCode) {

        public boolean followUpOpen() {
            return !followUp.isBlank() && followUpDoneAt == null;
        }
    }

    /** The log's filter. */
    public record Filter(LocalDate from, LocalDate to, Outcome outcome, Long itemId, String q) {
    }

    @Transactional(readOnly = true)
    public List<Post> roster(long siteId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT r.id, r.day, r.window_id, w.number AS window_number, w.name AS window_name, r.phone_line, r.staff_id,
                       s.name AS staff_name, s.phone_masked AS staff_phone_masked, r.note
                FROM duty_roster r JOIN staff s ON s.id = r.staff_id LEFT JOIN service_windows w ON w.id = r.window_id
                WHERE r.site_id = :site AND r.day BETWEEN :from AND :to
                ORDER BY r.day, w.number NULLS LAST, r.phone_line, s.name""")
                .param("site", siteId).param("from", from).param("to", to).query(Post.class).list();
    }

    @Transactional
    public void addPost(long siteId, RosterForm f) {
        if (f.windowId() != null) {
            catalogue.requireWindows(siteId, List.of(f.windowId()));
        }
        Map<String, String> problems = f.ruleProblems();
        org.hallsafe.platform.PlausibleDate.Horizon.YEAR.problem(f.day(), clock).ifPresent(key -> problems.putIfAbsent("day", key));
        shape.check(f, problems);
        var person = staff.get(siteId, f.staffId());
        if (person.retired()) {
            throw new InvalidInputException("staffId", "gate.staff.retired");
        }
        jdbc.sql("""
                INSERT INTO duty_roster (site_id, day, window_id, phone_line, staff_id, note, created_at, created_by)
                VALUES (:site, :day, :window, :line, :staff, :note, :now, :by) ON CONFLICT DO NOTHING""")
                .param("site", siteId).param("day", f.day()).param("window", f.windowId())
                .param("line", Catalogue.trim(f.phoneLine())).param("staff", f.staffId()).param("note", Catalogue.trim(f.note()))
                .param("now", Timestamp.from(clock.instant())).param("by", Catalogue.actor()).update();
        activity.record("CREATED", "duty-post", siteId, f.day() + " " + person.name());
    }

    @Transactional
    public void removePost(long siteId, long id) {
        int n = jdbc.sql("DELETE FROM duty_roster WHERE site_id = :site AND id = :id").param("site", siteId).param("id", id)
                .update();
        if (n == 0) {
            throw new java.util.NoSuchElementException("duty post " + id);
        }
        activity.record("DELETED", "duty-post", id, "");
    }

    /** The window a signed-in person is on duty at today, if any: the call form starts with it. */
    @Transactional(readOnly = true)
    public Optional<Long> myWindowToday(long siteId) {
        return CurrentUser.find().flatMap(u -> staff.byAccount(siteId, u.accountId())).flatMap(s -> jdbc.sql("""
                SELECT window_id FROM duty_roster WHERE site_id = :site AND day = :day AND staff_id = :staff
                  AND window_id IS NOT NULL ORDER BY id LIMIT 1""")
                .param("site", siteId).param("day", LocalDate.now(clock)).param("staff", s.id()).query(Long.class).optional());
    }

    /**
     * Logs a call. With the outcome "booked here" the caller is booked in the same transaction, under the same rules
     * as any booking: a refused booking logs nothing. Sent twice, the call is logged once.
     */
    @Transactional
    public long log(long siteId, ConsultationForm f) {
        if (f.windowId() != null) {
            catalogue.requireWindows(siteId, List.of(f.windowId()));
        }
        if (f.itemId() != null) {
            catalogue.item(siteId, f.itemId());
        }
        shape.check(f, f.ruleProblems());
        Optional<Long> earlier = jdbc.sql("SELECT id FROM consultations WHERE site_id = :site AND submission_id = :s")
                .param("site", siteId).param("s", f.submissionId()).query(Long.class).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Long bookingId = null;
        if (f.outcome() == Outcome.BOOKED) {
            try {
                bookingId = bookings.book(siteId, f.booking()).id();
            } catch (Bookings.SlotFullException e) {
                throw e;
            } catch (InvalidInputException e) {
                Map<String, String> mapped = new LinkedHashMap<>();
                e.problems().forEach((field, key) -> mapped.put(field.equals("name") ? "callerName" : field, key));
                throw new InvalidInputException(mapped);
            }
        }
        PhoneNumber phone = new PhoneNumber(f.phone());
        SealedValue sealed = personalData.seal(phone.value(), phone.masked());
        long id = jdbc.sql("""
                INSERT INTO consultations (site_id, submission_id, taken_at, taken_by, window_id, caller_name, phone_masked,
                    phone_hash, phone_cipher, item_id, matter, answer, outcome, follow_up, booking_id)
                VALUES (:site, :submission, :now, :by, :window, :caller, :pm, :ph, :pc, :item, :matter, :answer, :outcome,
                    :followUp, :booking) RETURNING id""")
                .param("site", siteId).param("submission", f.submissionId()).param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentUser.get().displayName()).param("window", f.windowId())
                .param("caller", Catalogue.trim(f.callerName())).param("pm", sealed.masked()).param("ph", sealed.lookupHash())
                .param("pc", sealed.cipherText()).param("item", f.itemId()).param("matter", f.matter().strip())
                .param("answer", Catalogue.trim(f.answer())).param("outcome", f.outcome().name())
                .param("followUp", Catalogue.trim(f.followUp())).param("booking", bookingId).query(Long.class).single();
        activity.record("CREATED", "consultation", id, f.outcome().name());
        live.publishToSite(siteId, "duty");
        return id;
    }

    private static final String SELECT = """
            SELECT c.id, c.taken_at, c.taken_by, c.window_id, w.number AS window_number, c.caller_name, c.phone_masked, c.item_id,
                   i.name AS item_name, c.matter, c.answer, c.outcome, c.follow_up, c.follow_up_done_at, c.booking_id,
                   b.code AS booking_code
            FROM consultations c LEFT JOIN service_windows w ON w.id = c.window_id
            LEFT JOIN service_items i ON i.id = c.item_id LEFT JOIN bookings b ON b.id = c.booking_id
            """;

    @Transactional(readOnly = true)
    public Consultation consultation(long siteId, long id) {
        return jdbc.sql(SELECT + " WHERE c.site_id = :site AND c.id = :id").param("site", siteId).param("id", id)
                .query(Consultation.class).optional().orElseThrow();
    }

    /** The log, newest first: by date range, outcome, item, and words in the matter, answer or name, or a phone number. */
    @Transactional
    public List<Consultation> search(long siteId, Filter f, int limit) {
        String q = Catalogue.trim(f.q());
        byte[] phoneHash = PhoneNumber.isValid(q) ? personalData.lookupHash(new PhoneNumber(q).value()) : new byte[0];
        List<Consultation> found = jdbc.sql(SELECT + """
                WHERE c.site_id = :site AND c.taken_at >= :from AND c.taken_at < :to
                  AND (CAST(:outcome AS text) IS NULL OR c.outcome = :outcome)
                  AND (CAST(:item AS bigint) IS NULL OR c.item_id = :item)
                  AND (:q = '' OR c.matter ILIKE '%' || :q || '%' OR c.answer ILIKE '%' || :q || '%'
                       OR c.caller_name ILIKE '%' || :q || '%' OR c.phone_hash = :phone)
                ORDER BY c.taken_at DESC, c.id DESC LIMIT :limit""")
                .param("site", siteId).param("from", start(f.from())).param("to", start(f.to().plusDays(1)))
                .param("outcome", f.outcome() == null ? null : f.outcome().name()).param("item", f.itemId())
                .param("q", q).param("phone", phoneHash).param("limit", limit).query(Consultation.class).list();
        if (phoneHash.length > 0) {
            // looking a caller up by the full phone number is audited like a read
            personalData.recordLookUp("consultation", "phone", new PhoneNumber(q).masked(), found.size());
        }
        return found;
    }

    /** Calls whose follow-up is still open, oldest first. */
    @Transactional(readOnly = true)
    public List<Consultation> openFollowUps(long siteId) {
        return jdbc.sql(SELECT + """
                WHERE c.site_id = :site AND c.follow_up <> '' AND c.follow_up_done_at IS NULL ORDER BY c.taken_at LIMIT 50""")
                .param("site", siteId).query(Consultation.class).list();
    }

    @Transactional
    public void followUpDone(long siteId, long id) {
        int n = jdbc.sql("""
                UPDATE consultations SET follow_up_done_at = :now WHERE site_id = :site AND id = :id AND follow_up_done_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("id", id).update();
        if (n == 0) {
            // another hall's call is not there; one already done stays as it was, and nothing is recorded
            consultation(siteId, id);
            return;
        }
        activity.record("DONE", "consultation-follow-up", id, "");
        live.publishToSite(siteId, "duty");
    }

    /** Calls per outcome in a date range, for the figures. */
    @Transactional(readOnly = true)
    public Map<Outcome, Integer> outcomes(long siteId, LocalDate from, LocalDate to) {
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        jdbc.sql("""
                SELECT outcome, count(*)::int FROM consultations WHERE site_id = :site AND taken_at >= :from AND taken_at < :to
                GROUP BY outcome""")
                .param("site", siteId).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, n) -> counts.put(Outcome.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
