package org.hallsafe.screening;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.Gate.Symptom;
import org.hallsafe.shared.DocumentType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate's work: a reading is decided by the hall's rules, stamped by the server, stored once however often the
 * tablet sends it, and a refusal is reported to the leadership group in the same transaction.
 */
@Service
public class GateDesk {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalData personalData;
    private final Incidents incidents;
    private final StaffDirectory staff;
    private final LiveUpdates live;
    private final RefusalWords words;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ExpectedVisitors> visitors;
    private final FormShape shape;
    private final GateSettings settings;
    private final CitizenFile citizens;
    private final GateWrites writes;

    GateDesk(JdbcClient jdbc, Clock clock, PersonalData personalData, Incidents incidents, StaffDirectory staff,
            LiveUpdates live, MessageSource messages, ApplicationEventPublisher events,
            ObjectProvider<ExpectedVisitors> visitors, FormShape shape, GateSettings settings, CitizenFile citizens,
            GateWrites writes) {
        this.writes = writes;
        this.visitors = visitors;
        this.shape = shape;
        this.words = new RefusalWords(messages, clock);
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.personalData = personalData;
        this.incidents = incidents;
        this.staff = staff;
        this.live = live;
        this.settings = settings;
        this.citizens = citizens;
    }

    /** The hall's gate settings. */
    public record Settings(BigDecimal feverThreshold, int recheckWaitMinutes, Set<Symptom> symptoms) {

        /** Until a hall changes them: 37.3 °C, five minutes, every symptom the plan names. */
        public static final Settings DEFAULT = new Settings(new BigDecimal("37.3"), 5, EnumSet.allOf(Symptom.class));
    }

    /** A citizen on file, found by document: what the form may fill in. */
    public record KnownCitizen(long id, String name, String docMasked, String phoneMasked) {
    }

    /** What the screener sees after a reading. */
    public record Result(long id, String name, Decision decision, List<String> reasons, Instant screenedAt, Instant recheckFrom, Long incidentId, boolean questioned, boolean backfilled) {
    }

    /** A first reading over the threshold, waiting for its re-measure. */
    public record PendingRecheck(long id, String name, Instant screenedAt, Instant availableAt) {
    }

    /** The questioning of a refused person (询问核实). */
    public record Questioning(@PlainText(max = PlainText.NOTE, multiline = true) String places, Gate.Contact contact,
            Gate.Handling handling, @PlainText(max = PlainText.RECORD, multiline = true) String note) {
    }

    /** The hall's gate settings (also for staff health's own checks, which use the same threshold). */
    public Settings settings(long siteId) {
        return settings.of(siteId);
    }

    /** The gate's look-up of a returning citizen by the full document number: each one is audited. */
    public Optional<KnownCitizen> findCitizen(long siteId, DocumentType type, String docNo) {
        return citizens.findAudited(siteId, type, docNo);
    }

    /**
     * Stores one reading and decides on it. Sent again with the same submission id, also in parallel, it returns the
     * first result and changes nothing. The form's shape and the hall's rules are checked here, all at once.
     */
    @Transactional
    public Result record(long siteId, GateForm form) {
        return record(siteId, form, true);
    }

    /** The same, for the gate's page and API, whose {@code @Valid} has checked the form's shape: the rules only. */
    @Transactional
    Result recordShaped(long siteId, GateForm form) {
        return record(siteId, form, false);
    }

    /**
     * The hall's rules on a form whose shape the page found wrong, to name everything at once; nothing is stored.
     * The page asks this only then, so a request still reads the settings and looks the citizen up once.
     */
    @Transactional(readOnly = true)
    Map<String, String> ruleProblems(long siteId, GateForm form) {
        try {
            checked(siteId, form, settings(siteId), false);
            return Map.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private Result record(long siteId, GateForm form, boolean checkShape) {
        // one statement (issue 18): the hall's settings, read once for the request, and the lock on the submission:
        // copies of one submission sent at once (on any node) wait for the first to commit, then answer as it did;
        // checked first, a copy could find the booking already ARRIVED and answer "no booking today" (issue 19)
        Settings settings = form.submissionId() == null ? settings(siteId)
                : this.settings.lockedOf(siteId, "screening:" + siteId + ":" + form.submissionId());
        Optional<Result> earlier = result(siteId, form.submissionId(), settings);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (form.backfilled() && CurrentUser.find().map(u -> u.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().equals(Permissions.GATE_BACKFILL))).orElse(true)) {
            // a paper-ledger catch-up is the office's to enter, on the page and through the API alike (R-REQ-3)
            throw new AccessDeniedException("back-fill needs " + Permissions.GATE_BACKFILL);
        }
        form = checked(siteId, form, settings, checkShape);
        Person person = form.recheckOf() != null ? recheckPerson(siteId, form.recheckOf(), settings) : person(siteId, form);
        Gate.Outcome outcome = Gate.decide(form.mask(), form.temperature(), form.symptomSet(), settings.feverThreshold(),
                form.recheckOf() != null);
        // as PostgreSQL keeps them (microseconds), so the answer is the stored reading's
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant screenedAt = form.backfilled()
                ? form.screenedAt().atZone(clock.getZone()).toInstant().truncatedTo(ChronoUnit.MICROS) : now;
        if (screenedAt.isAfter(now)) {
            throw new InvalidInputException("screenedAt", "gate.backfill.future");
        }
        if (form.backfilled()) {
            org.hallsafe.platform.PlausibleDate.Horizon.TODAY.problem(form.screenedAt().toLocalDate(), clock).ifPresent(key -> {
                throw new InvalidInputException("screenedAt", key);
            });
        }
        SealedValue health = personalData.seal(new Health(form.temperature(), form.symptomSet(), form.symptomNote()).seal(), "");
        GateWrites.Reading reading = new GateWrites.Reading(siteId, form.submissionId(), person.type(), person.staffId(),
                person.citizenId(), person.name(), person.docMasked(), person.phoneMasked(), form.mask(),
                health.cipherText(), outcome, form.recheckOf(), screenedAt, now, form.backfilled(),
                form.backfilled() ? form.backfillReason().strip() : null);
        Optional<GateWrites.Stored> stored = person.visit() == null ? writes.insert(reading)
                : writes.insertWithCitizen(reading, person.visit());
        if (stored.isEmpty()) {
            // a parallel copy of the same submission won the insert: answer as it did
            return result(siteId, form.submissionId(), settings).orElseThrow();
        }
        long id = stored.get().id();
        String phoneMasked = stored.get().phoneMasked();
        Long incident = null;
        if (outcome.decision() == Decision.REFUSED) {
            incident = incidents.report(siteId, "screening", String.valueOf(id), words.title(person.name(), person.type(), outcome),
                    words.details(person.name(), person.type(), phoneMasked, outcome, form.temperature(), screenedAt));
            jdbc.sql("UPDATE screenings SET incident_id = :incident WHERE id = :id")
                    .param("incident", incident).param("id", id).update();
        }
        if (person.type() == PersonType.CITIZEN) {
            byte[] docHash = person.visit() != null ? person.visit().doc().lookupHash() : citizens.docHash(person.citizenId());
            events.publishEvent(new CitizenScreened(siteId, id, docHash, form.bookingCode(), outcome.decision(), screenedAt));
        }
        if (person.type() == PersonType.STAFF && !form.backfilled()) {
            events.publishEvent(new StaffScreened(siteId, person.staffId(), id, screenedAt,
                    outcome.decision() == Decision.REFUSED));
        }
        live.publishToSite(siteId, "screening");
        // the answer from what was just written, as the stored reading would read back (issue 18: no read after)
        return new Result(id, person.name(), outcome.decision(), List.copyOf(outcome.reasons()), screenedAt,
                outcome.decision() == Decision.RECHECK ? screenedAt.plus(Duration.ofMinutes(settings.recheckWaitMinutes()))
                        : null, incident, false, form.backfilled());
    }

    /**
     * The one check of a reading: its shape (Bean Validation; unless the page's or API's {@code @Valid} did it) and the
     * hall's rules, every problem at once; a booked citizen's form filled in from the booking. The citizen is looked
     * up once, with the settings the request already read.
     */
    private GateForm checked(long siteId, GateForm form, Settings settings, boolean checkShape) {
        Map<String, String> problems = checkShape ? new LinkedHashMap<>(shape.problemsOf(form)) : new LinkedHashMap<>();
        if (!problems.containsKey("bookingCode")) {
            Optional<GateForm> booked = withBooking(siteId, form);
            if (booked.isPresent()) {
                form = booked.get();
            } else {
                problems.put("bookingCode", "gate.booking.notFound");
            }
        }
        // the rules ask whether the citizen is on file only to spare them the phone: looked up then, and once
        boolean known = form.personType() == PersonType.CITIZEN && form.recheckOf() == null && !form.booked()
                && (form.phone() == null || form.phone().isBlank()) && citizens.known(siteId, form.docType(), form.docNo());
        form.ruleProblems(settings.symptoms(), known).forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return form;
    }

    /** A booked citizen's reading: the booking found by its code fills in who they are; empty for an unknown code. */
    private Optional<GateForm> withBooking(long siteId, GateForm form) {
        if (form.recheckOf() != null || form.personType() != PersonType.CITIZEN || !form.booked()) {
            return Optional.of(form);
        }
        return visitors.orderedStream().map(v -> v.byCode(siteId, form.bookingCode())).flatMap(Optional::stream)
                .findFirst().map(form::withVisitor);
    }

    /** Today's booking with this code, masked, for the gate page to show. */
    @Transactional(readOnly = true)
    public Optional<ExpectedVisitors.Preview> booking(long siteId, String code) {
        return visitors.orderedStream().map(v -> v.preview(siteId, code)).flatMap(Optional::stream).findFirst();
    }

    @Transactional(readOnly = true)
    public Result get(long siteId, long id) {
        int wait = settings.of(siteId).recheckWaitMinutes();
        return jdbc.sql(RESULT + " WHERE s.site_id = :site AND s.id = :id").param("site", siteId).param("id", id)
                .query((rs, n) -> mapResult(rs, wait)).optional().orElseThrow(() -> NotFoundException.of("screening", id));
    }

    /** First readings over the threshold that still wait for their re-measure, oldest first. */
    @Transactional(readOnly = true)
    public List<PendingRecheck> pendingRechecks(long siteId) {
        return pendingRechecks(siteId, settings.of(siteId));
    }

    /** The same, with the settings the request already read. */
    @Transactional(readOnly = true)
    List<PendingRecheck> pendingRechecks(long siteId, Settings settings) {
        int wait = settings.recheckWaitMinutes();
        return jdbc.sql("""
                SELECT s.id, s.person_name, s.screened_at FROM screenings s
                WHERE s.site_id = :site AND s.decision = 'RECHECK' AND s.screened_at > :since
                  AND NOT EXISTS (SELECT 1 FROM screenings r WHERE r.recheck_of = s.id)
                ORDER BY s.screened_at""")
                .param("site", siteId).param("since", Timestamp.from(clock.instant().minus(Duration.ofHours(2))))
                .query((rs, n) -> new PendingRecheck(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(3).toInstant().plus(Duration.ofMinutes(wait)))).list();
    }

    private static final String RESULT = """
            SELECT s.id, s.person_name, s.decision, s.reasons, s.screened_at, s.incident_id,
                   s.questioned_at IS NOT NULL AS questioned, s.backfilled
            FROM screenings s""";

    private Optional<Result> result(long siteId, java.util.UUID submissionId, Settings settings) {
        if (submissionId == null) {
            return Optional.empty();
        }
        int wait = settings.recheckWaitMinutes();
        return jdbc.sql(RESULT + " WHERE s.site_id = :site AND s.submission_id = :submission")
                .param("site", siteId).param("submission", submissionId).query((rs, n) -> mapResult(rs, wait)).optional();
    }

    private Result mapResult(java.sql.ResultSet rs, int waitMinutes) throws java.sql.SQLException {
        Decision decision = Decision.valueOf(rs.getString("decision"));
        Instant at = rs.getTimestamp("screened_at").toInstant();
        Long incident = rs.getObject("incident_id", Long.class); // null unless refused (wasNull() read another column)
        return new Result(rs.getLong("id"), rs.getString("person_name"), decision,
                Arrays.asList((String[]) rs.getArray("reasons").getArray()), at,
                decision == Decision.RECHECK ? at.plus(Duration.ofMinutes(waitMinutes)) : null,
                incident, rs.getBoolean("questioned"), rs.getBoolean("backfilled"));
    }

    /** Who was screened; {@code visit} is a citizen's visit to write with the reading. */
    private record Person(PersonType type, Long staffId, Long citizenId, String name, String docMasked,
            String phoneMasked, CitizenFile.Visit visit) {
    }

    private Person person(long siteId, GateForm form) {
        if (form.personType() == PersonType.STAFF) {
            var s = staff.get(siteId, form.staffId());
            if (s.retired()) {
                throw new InvalidInputException("staffId", "gate.staff.retired");
            }
            return new Person(PersonType.STAFF, s.id(), null, s.name(), null, s.phoneMasked(), null);
        }
        CitizenFile.Visit visit = citizens.visit(form.name().strip(), form.docType(), form.normalisedDocNo(), form.phone());
        return new Person(PersonType.CITIZEN, null, null, visit.name(), visit.doc().masked(), null, visit);
    }

    private Person recheckPerson(long siteId, long firstId, Settings settings) {
        record First(String decision, String personType, Long staffId, Long citizenId, String personName,
                String docMasked, String phoneMasked, Timestamp screenedAt) {
        }
        First first = jdbc.sql("""
                SELECT decision, person_type, staff_id, citizen_id, person_name, doc_masked, phone_masked, screened_at
                FROM screenings WHERE site_id = :site AND id = :id""")
                .param("site", siteId).param("id", firstId).query(First.class).optional()
                .orElseThrow(() -> new InvalidInputException("recheckOf", "gate.recheck.unknown"));
        if (!"RECHECK".equals(first.decision())) {
            throw new InvalidInputException("recheckOf", "gate.recheck.unknown");
        }
        Instant from = first.screenedAt().toInstant().plus(Duration.ofMinutes(settings.recheckWaitMinutes()));
        if (clock.instant().isBefore(from)) {
            throw new InvalidInputException("temperature", "gate.recheck.tooEarly");
        }
        if (jdbc.sql("SELECT count(*) FROM screenings WHERE recheck_of = :id").param("id", firstId).query(Integer.class).single() > 0) {
            throw new InvalidInputException("recheckOf", "gate.recheck.done");
        }
        return new Person(PersonType.valueOf(first.personType()), first.staffId(), first.citizenId(), first.personName(),
                first.docMasked(), first.phoneMasked(), null);
    }

}
