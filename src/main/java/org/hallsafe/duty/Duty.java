package org.hallsafe.duty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import org.hallsafe.appointments.Bookings;
import org.hallsafe.appointments.CallOutcomes;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.duty.DutyForms.ConsultationForm;
import org.hallsafe.duty.DutyForms.Outcome;
import org.hallsafe.duty.DutyForms.RosterForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.PlausibleDate;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty while the hall is closed (R-SVC-2), the duty module's facade: who is on duty at which window and phone line each
 * day, and the log of the calls they answer, with what was answered and how the call ended; a caller may be booked
 * from within the call (through appointments' {@link Bookings}). Windows, staff, items and booking codes are read
 * through their modules' facades, never by joining their tables.
 */
@Service
public class Duty implements CallOutcomes {

    private final JdbcClient jdbc;
    private final FormShape shape;
    private final Clock clock;
    private final Directory directory;
    private final Bookings bookings;
    private final Catalogue catalogue;
    private final PersonalData personalData;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final DutyRoster rosters;

    Duty(JdbcClient jdbc, Clock clock, DutyRoster rosters, Directory directory, Bookings bookings, Catalogue catalogue,
            PersonalData personalData, ActivityLog activity, LiveUpdates live, FormShape shape) {
        this.rosters = rosters;
        this.shape = shape;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
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

    private record CallRow(long id, Instant takenAt, String takenBy, Long windowId, String callerName,
            String phoneMasked, Long itemId, String matter, String answer, Outcome outcome, String followUp,
            Instant followUpDoneAt, Long bookingId) {
    }

    // ---- the roster ({@link DutyRoster})

    @Transactional(readOnly = true)
    public List<Post> roster(long siteId, LocalDate from, LocalDate to) {
        return rosters.roster(siteId, from, to);
    }

    @Transactional
    public void addPost(long siteId, RosterForm f) {
        rosters.addPost(siteId, f, true);
    }

    /** A post from the roster page, whose {@code @Valid} has checked the form's shape in this request. */
    @Transactional
    void addPostShaped(long siteId, RosterForm f) {
        rosters.addPost(siteId, f, false);
    }

    @Transactional
    public void removePost(long siteId, long id) {
        rosters.removePost(siteId, id);
    }

    /** The window a signed-in person is on duty at today, if any: the call form starts with it. */
    @Transactional(readOnly = true)
    public Optional<Long> myWindowToday(long siteId) {
        return rosters.myWindowToday(siteId);
    }

    // ---- calls

    /**
     * Logs a call. With the outcome "booked here" the caller is booked in the same transaction, under the same rules
     * as any booking: a refused booking logs nothing. Sent twice, the call is logged once. The form is checked here,
     * once: here for a caller that did not come through Spring MVC, by {@code @Valid} for the duty pages and API.
     */
    @Transactional
    public long log(long siteId, ConsultationForm f) {
        return log(siteId, f, true);
    }

    /** A call from the duty pages and API, whose {@code @Valid} has checked the form's shape in this request. */
    @Transactional
    long logShaped(long siteId, ConsultationForm f) {
        return log(siteId, f, false);
    }

    private long log(long siteId, ConsultationForm f, boolean checkShape) {
        if (f.windowId() != null) {
            directory.window(siteId, f.windowId());
        }
        if (f.itemId() != null) {
            catalogue.item(siteId, f.itemId());
        }
        check(f, f.ruleProblems(), checkShape);
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
                .param("caller", trim(f.callerName())).param("pm", sealed.masked()).param("ph", sealed.lookupHash())
                .param("pc", sealed.cipherText()).param("item", f.itemId()).param("matter", f.matter().strip())
                .param("answer", trim(f.answer())).param("outcome", f.outcome().name())
                .param("followUp", trim(f.followUp())).param("booking", bookingId).query(Long.class).single();
        activity.record("CREATED", "consultation", id, f.outcome().name());
        live.publishToSite(siteId, "duty");
        return id;
    }

    private static final String SELECT = """
            SELECT c.id, c.taken_at, c.taken_by, c.window_id, c.caller_name, c.phone_masked, c.item_id, c.matter, c.answer,
                   c.outcome, c.follow_up, c.follow_up_done_at, c.booking_id
            FROM consultations c
            """;

    /** One logged call of the hall (the agency module reads a call through this). */
    @Transactional(readOnly = true)
    public Consultation consultation(long siteId, long id) {
        return named(siteId, jdbc.sql(SELECT + " WHERE c.site_id = :site AND c.id = :id").param("site", siteId)
                .param("id", id).query(CallRow.class).list()).stream().findFirst()
                .orElseThrow(() -> NotFoundException.of("consultation", id));
    }

    /** The log, newest first: by date range, outcome, item, and words in the matter, answer or name, or a phone number. */
    @Transactional
    public List<Consultation> search(long siteId, Filter f, int limit) {
        String q = trim(f.q());
        byte[] phoneHash = PhoneNumber.isValid(q) ? personalData.lookupHash(new PhoneNumber(q).value()) : new byte[0];
        List<CallRow> found = jdbc.sql(SELECT + """
                WHERE c.site_id = :site AND c.taken_at >= :from AND c.taken_at < :to
                  AND (CAST(:outcome AS text) IS NULL OR c.outcome = :outcome)
                  AND (CAST(:item AS bigint) IS NULL OR c.item_id = :item)
                  AND (:q = '' OR c.matter ILIKE '%' || :q || '%' OR c.answer ILIKE '%' || :q || '%'
                       OR c.caller_name ILIKE '%' || :q || '%' OR c.phone_hash = :phone)
                ORDER BY c.taken_at DESC, c.id DESC LIMIT :limit""")
                .param("site", siteId).param("from", start(f.from())).param("to", start(f.to().plusDays(1)))
                .param("outcome", f.outcome() == null ? null : f.outcome().name()).param("item", f.itemId())
                .param("q", q).param("phone", phoneHash).param("limit", limit).query(CallRow.class).list();
        if (phoneHash.length > 0) {
            // looking a caller up by the full phone number is audited like a read
            personalData.recordLookUp("consultation", "phone", new PhoneNumber(q).masked(), found.size());
        }
        return named(siteId, found);
    }

    /** Calls whose follow-up is still open, oldest first. */
    @Transactional(readOnly = true)
    public List<Consultation> openFollowUps(long siteId) {
        return named(siteId, jdbc.sql(SELECT + """
                WHERE c.site_id = :site AND c.follow_up <> '' AND c.follow_up_done_at IS NULL ORDER BY c.taken_at LIMIT 50""")
                .param("site", siteId).query(CallRow.class).list());
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

    /** Calls per outcome in a date range, for the appointments figures. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> outcomes(long siteId, LocalDate from, LocalDate to) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o.name(), 0);
        }
        jdbc.sql("""
                SELECT outcome, count(*)::int FROM consultations WHERE site_id = :site AND taken_at >= :from AND taken_at < :to
                GROUP BY outcome""")
                .param("site", siteId).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    /** Calls with their window's number, item's name and booking's code, from the owning modules' facades. */
    private List<Consultation> named(long siteId, List<CallRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, WindowView> windows = windows(siteId);
        Map<Long, String> items = new HashMap<>();
        if (rows.stream().anyMatch(r -> r.itemId() != null)) {
            catalogue.items(siteId, true).forEach(i -> items.put(i.id(), i.name()));
        }
        Map<Long, String> codes = bookings.codes(siteId, rows.stream().map(CallRow::bookingId).filter(Objects::nonNull)
                .distinct().toList());
        return rows.stream().map(r -> {
            WindowView w = r.windowId() == null ? null : windows.get(r.windowId());
            return new Consultation(r.id(), r.takenAt(), r.takenBy(), r.windowId(), w == null ? null : w.number(),
                    r.callerName(), r.phoneMasked(), r.itemId(), r.itemId() == null ? null : items.get(r.itemId()),
                    r.matter(), r.answer(), r.outcome(), r.followUp(), r.followUpDoneAt(), r.bookingId(),
                    r.bookingId() == null ? null : codes.get(r.bookingId()));
        }).toList();
    }

    /** The form's shape (unless {@code @Valid} checked it in this request) and its rules, everything at once. */
    static void check(FormShape shape, Object form, Map<String, String> rules, boolean checkShape) {
        if (checkShape) {
            shape.check(form, rules);
        } else if (!rules.isEmpty()) {
            throw new InvalidInputException(rules);
        }
    }

    private void check(Object form, Map<String, String> rules, boolean checkShape) {
        check(shape, form, rules, checkShape);
    }

    private Map<Long, WindowView> windows(long siteId) {
        Map<Long, WindowView> windows = new HashMap<>();
        directory.windows(siteId, "", true).forEach(w -> windows.put(w.id(), w));
        return windows;
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
