package org.hallsafe.screening;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.DocumentType;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.Gate.Symptom;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final MessageSource messages;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<ExpectedVisitors> visitors;
    private final FormShape shape;

    GateDesk(JdbcClient jdbc, Clock clock, PersonalData personalData, Incidents incidents, StaffDirectory staff,
            ActivityLog activity, LiveUpdates live, MessageSource messages,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<ExpectedVisitors> visitors, FormShape shape) {
        this.visitors = visitors;
        this.shape = shape;
        this.messages = messages;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.personalData = personalData;
        this.incidents = incidents;
        this.staff = staff;
        this.activity = activity;
        this.live = live;
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

    @Transactional(readOnly = true)
    public Settings settings(long siteId) {
        return jdbc.sql("SELECT fever_threshold, recheck_wait_minutes, symptoms FROM screening_settings WHERE site_id = :site")
                .param("site", siteId).query((rs, n) -> new Settings(rs.getBigDecimal(1), rs.getInt(2),
                        symptoms(rs.getArray(3)))).optional().orElse(Settings.DEFAULT);
    }

    @Transactional
    public void saveSettings(long siteId, BigDecimal threshold, int waitMinutes, Set<Symptom> symptoms) {
        if (threshold == null || threshold.compareTo(new BigDecimal("36.0")) < 0 || threshold.compareTo(new BigDecimal("39.0")) > 0) {
            throw new InvalidInputException("feverThreshold", "gate.settings.threshold");
        }
        if (waitMinutes < 0 || waitMinutes > 60) {
            throw new InvalidInputException("recheckWaitMinutes", "gate.settings.wait");
        }
        jdbc.sql("""
                INSERT INTO screening_settings (site_id, fever_threshold, recheck_wait_minutes, symptoms, updated_at, updated_by)
                VALUES (:site, :t, :w, string_to_array(:s, ','), :now, :by)
                ON CONFLICT (site_id) DO UPDATE SET fever_threshold = excluded.fever_threshold,
                    recheck_wait_minutes = excluded.recheck_wait_minutes, symptoms = excluded.symptoms,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("t", threshold).param("w", waitMinutes)
                .param("s", symptoms.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("now", Timestamp.from(clock.instant())).param("by", actor()).param("site", siteId).update();
        activity.record("UPDATED", "screening-settings", siteId, threshold + " / " + waitMinutes + " / " + symptoms);
    }

    /** The gate's look-up of a returning citizen by the full document number: each one is audited. */
    @Transactional
    public Optional<KnownCitizen> findCitizen(long siteId, DocumentType type, String docNo) {
        if (type == null || Gate.documentProblem(type, docNo) != null) {
            return Optional.empty();
        }
        Optional<KnownCitizen> found = citizen(siteId, type, docNo);
        personalData.recordLookUp("citizen", type.name(),
                Gate.maskedDocument(type, Gate.normalisedDocument(type, docNo)), found.isPresent() ? 1 : 0);
        return found;
    }

    /** Whether the gate has seen this document before (the form then needs less); not a look-up a person sees. */
    @Transactional(readOnly = true)
    public boolean known(long siteId, DocumentType type, String docNo) {
        return type != null && Gate.documentProblem(type, docNo) == null && citizen(siteId, type, docNo).isPresent();
    }

    private Optional<KnownCitizen> citizen(long siteId, DocumentType type, String docNo) {
        String normalised = Gate.normalisedDocument(type, docNo);
        return jdbc.sql("""
                SELECT id, name, doc_masked, phone_masked FROM citizens
                WHERE site_id = :site AND doc_type = :type AND doc_hash = :hash""")
                .param("site", siteId).param("type", type.name()).param("hash", personalData.lookupHash(normalised))
                .query(KnownCitizen.class).optional();
    }

    /**
     * Stores one reading and decides on it. Sent again with the same submission id, also in parallel, it returns the
     * first result and changes nothing.
     */
    @Transactional
    public Result record(long siteId, GateForm form) {
        if (form.submissionId() != null) {
            // copies of one submission sent at once (on any node) wait here for the first to commit, then answer as it
            // did: checked first, a copy could find the booking already ARRIVED and answer "no booking today" (issue 19)
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "screening:" + siteId + ":" + form.submissionId()).query((rs, n) -> 1).list();
        }
        Optional<Result> earlier = result(siteId, form.submissionId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (form.backfilled() && CurrentUser.find().map(u -> u.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().equals(org.hallsafe.platform.Permissions.GATE_BACKFILL))).orElse(true)) {
            // a paper-ledger catch-up is the office's to enter, on the page and through the API alike (R-REQ-3)
            throw new org.springframework.security.access.AccessDeniedException("back-fill needs " + org.hallsafe.platform.Permissions.GATE_BACKFILL);
        }
        form = withBooking(siteId, form);
        Settings settings = settings(siteId);
        boolean known = form.personType() == PersonType.CITIZEN && known(siteId, form.docType(), form.docNo());
        shape.check(form, form.ruleProblems(settings.symptoms(), known));
        Person person = form.recheckOf() != null ? recheckPerson(siteId, form.recheckOf(), settings) : person(siteId, form);
        Gate.Outcome outcome = Gate.decide(form.mask(), form.temperature(), form.symptomSet(), settings.feverThreshold(),
                form.recheckOf() != null);
        Instant now = clock.instant();
        Instant screenedAt = form.backfilled() ? form.screenedAt().atZone(clock.getZone()).toInstant() : now;
        if (screenedAt.isAfter(now)) {
            throw new InvalidInputException("screenedAt", "gate.backfill.future");
        }
        if (form.backfilled()) {
            org.hallsafe.platform.PlausibleDate.Horizon.TODAY.problem(form.screenedAt().toLocalDate(), clock).ifPresent(key -> {
                throw new InvalidInputException("screenedAt", key);
            });
        }
        SealedValue health = personalData.seal(new Health(form.temperature(), form.symptomSet(), form.symptomNote()).seal(), "");
        Optional<Long> id = jdbc.sql("""
                INSERT INTO screenings (site_id, submission_id, person_type, staff_id, citizen_id, person_name, doc_masked,
                    phone_masked, mask, health_cipher, decision, reasons, recheck_of, screened_at, recorded_at, backfilled,
                    backfill_reason, screener)
                VALUES (:site, :submission, :type, :staff, :citizen, :name, :doc, :phone, :mask, :health, :decision,
                    string_to_array(:reasons, ','), :recheckOf, :screenedAt, :now, :backfilled, :reason, :screener)
                ON CONFLICT (site_id, submission_id) DO NOTHING RETURNING id""")
                .param("site", siteId).param("submission", form.submissionId()).param("type", person.type().name())
                .param("staff", person.staffId()).param("citizen", person.citizenId()).param("name", person.name())
                .param("doc", person.docMasked()).param("phone", person.phoneMasked()).param("mask", form.mask().name())
                .param("health", health.cipherText()).param("decision", outcome.decision().name())
                .param("reasons", String.join(",", outcome.reasons())).param("recheckOf", form.recheckOf())
                .param("screenedAt", Timestamp.from(screenedAt)).param("now", Timestamp.from(now))
                .param("backfilled", form.backfilled()).param("reason", form.backfilled() ? form.backfillReason().strip() : null)
                .param("screener", actor()).query(Long.class).optional();
        if (id.isEmpty()) {
            // a parallel copy of the same submission won the insert: answer as it did
            return result(siteId, form.submissionId()).orElseThrow();
        }
        if (outcome.decision() == Decision.REFUSED) {
            long incident = incidents.report(siteId, "screening", String.valueOf(id.get()),
                    word("gate.incident.title", person.name(), word("gate.personType." + person.type())),
                    details(person, form, outcome, screenedAt));
            jdbc.sql("UPDATE screenings SET incident_id = :incident WHERE id = :id")
                    .param("incident", incident).param("id", id.get()).update();
        }
        if (person.type() == PersonType.CITIZEN) {
            byte[] docHash = person.docHash() != null ? person.docHash()
                    : jdbc.sql("SELECT doc_hash FROM citizens WHERE id = :id").param("id", person.citizenId())
                            .query(byte[].class).single();
            events.publishEvent(new CitizenScreened(siteId, id.get(), docHash, form.bookingCode(), outcome.decision(),
                    screenedAt));
        }
        if (person.type() == PersonType.STAFF && !form.backfilled()) {
            events.publishEvent(new StaffScreened(siteId, person.staffId(), id.get(), screenedAt,
                    outcome.decision() == Decision.REFUSED));
        }
        live.publishToSite(siteId, "screening");
        return result(siteId, form.submissionId()).orElseThrow();
    }

    /** A booked citizen's reading: the booking found by its code fills in who they are. */
    private GateForm withBooking(long siteId, GateForm form) {
        if (form.recheckOf() != null || form.personType() != PersonType.CITIZEN || !form.booked()) {
            return form;
        }
        return visitors.orderedStream().map(v -> v.byCode(siteId, form.bookingCode())).flatMap(Optional::stream)
                .findFirst().map(form::withVisitor)
                .orElseThrow(() -> new InvalidInputException("bookingCode", "gate.booking.notFound"));
    }

    /** Today's booking with this code, masked, for the gate page to show. */
    @Transactional(readOnly = true)
    public Optional<ExpectedVisitors.Preview> booking(long siteId, String code) {
        return visitors.orderedStream().map(v -> v.preview(siteId, code)).flatMap(Optional::stream).findFirst();
    }

    /** Saves the questioning record of a refused person and adds it to the incident. */
    @Transactional
    public void question(long siteId, long screeningId, Questioning q) {
        if (q.places() == null || q.places().isBlank()) {
            throw new InvalidInputException("places", "validation.required");
        }
        if (q.contact() == null) {
            throw new InvalidInputException("contact", "validation.required");
        }
        if (q.handling() == null) {
            throw new InvalidInputException("handling", "validation.required");
        }
        if (q.handling() == Gate.Handling.OTHER && (q.note() == null || q.note().isBlank())) {
            throw new InvalidInputException("note", "gate.questioning.otherNote");
        }
        Result r = get(siteId, screeningId);
        if (r.decision() != Decision.REFUSED) {
            throw new InvalidInputException("places", "gate.questioning.notRefused");
        }
        String sealed = q.places().strip() + "\u001f" + q.contact().name() + "\u001f" + (q.note() == null ? "" : q.note().strip());
        jdbc.sql("""
                UPDATE screenings SET questioning_cipher = :q, handling = :handling, questioned_at = :now
                WHERE site_id = :site AND id = :id""")
                .param("q", personalData.seal(sealed, "").cipherText()).param("handling", q.handling().name())
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("id", screeningId).update();
        incidents.addDetails(siteId, r.incidentId(), word("gate.incident.questioning", q.places().strip(),
                word("gate.contact." + q.contact()), word("gate.handling." + q.handling()),
                q.note() == null ? "" : q.note().strip()));
    }

    /**
     * The full document or phone number of the person behind a ledger line, for a role that may see it; the read is
     * written to the audit log.
     */
    @Transactional
    public String reveal(long siteId, long screeningId, String field) {
        record Who(String personType, Long staffId, Long citizenId) {
        }
        Who who = jdbc.sql("SELECT person_type, staff_id, citizen_id FROM screenings WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", screeningId).query(Who.class).optional().orElseThrow();
        if ("STAFF".equals(who.personType())) {
            return "phone".equals(field) ? staff.reveal(siteId, who.staffId(), "phone") : "";
        }
        String column = switch (field) {
            case "phone" -> "phone_cipher";
            case "doc" -> "doc_cipher";
            default -> throw new java.util.NoSuchElementException(field);
        };
        byte[] cipher = jdbc.sql("SELECT " + column + " FROM citizens WHERE id = :id").param("id", who.citizenId())
                .query(byte[].class).optional().orElse(null);
        return personalData.reveal(cipher, "citizen", who.citizenId(), field);
    }

    @Transactional(readOnly = true)
    public Result get(long siteId, long id) {
        int wait = settings(siteId).recheckWaitMinutes();
        return jdbc.sql(RESULT + " WHERE s.site_id = :site AND s.id = :id").param("site", siteId).param("id", id)
                .query((rs, n) -> mapResult(rs, wait)).optional().orElseThrow();
    }

    /** First readings over the threshold that still wait for their re-measure, oldest first. */
    @Transactional(readOnly = true)
    public List<PendingRecheck> pendingRechecks(long siteId) {
        int wait = settings(siteId).recheckWaitMinutes();
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

    private Optional<Result> result(long siteId, java.util.UUID submissionId) {
        if (submissionId == null) {
            return Optional.empty();
        }
        int wait = settings(siteId).recheckWaitMinutes();
        return jdbc.sql(RESULT + " WHERE s.site_id = :site AND s.submission_id = :submission")
                .param("site", siteId).param("submission", submissionId).query((rs, n) -> mapResult(rs, wait)).optional();
    }

    private Result mapResult(java.sql.ResultSet rs, int waitMinutes) throws java.sql.SQLException {
        Decision decision = Decision.valueOf(rs.getString("decision"));
        Instant at = rs.getTimestamp("screened_at").toInstant();
        long incident = rs.getLong("incident_id");
        return new Result(rs.getLong("id"), rs.getString("person_name"), decision,
                Arrays.asList((String[]) rs.getArray("reasons").getArray()), at,
                decision == Decision.RECHECK ? at.plus(Duration.ofMinutes(waitMinutes)) : null,
                rs.wasNull() ? null : incident, rs.getBoolean("questioned"), rs.getBoolean("backfilled"));
    }

    /** Who was screened; {@code docHash} is known when the citizen's document was just typed or scanned. */
    private record Person(PersonType type, Long staffId, Long citizenId, String name, String docMasked,
            String phoneMasked, byte[] docHash) {
    }

    private Person person(long siteId, GateForm form) {
        if (form.personType() == PersonType.STAFF) {
            var s = staff.get(siteId, form.staffId());
            if (s.retired()) {
                throw new InvalidInputException("staffId", "gate.staff.retired");
            }
            return new Person(PersonType.STAFF, s.id(), null, s.name(), null, s.phoneMasked(), null);
        }
        String docNo = form.normalisedDocNo();
        SealedValue doc = personalData.seal(docNo, Gate.maskedDocument(form.docType(), docNo));
        SealedValue phone = form.phone() == null || form.phone().isBlank() ? new SealedValue(null, null, null)
                : personalData.seal(new PhoneNumber(form.phone()).value(), new PhoneNumber(form.phone()).masked());
        record Upserted(long id, String phoneMasked) {
        }
        Upserted citizen = jdbc.sql("""
                INSERT INTO citizens (site_id, name, doc_type, doc_cipher, doc_hash, doc_masked, phone_cipher, phone_hash,
                    phone_masked, created_at, updated_at)
                VALUES (:site, :name, :type, :dc, :dh, :dm, :pc, :ph, :pm, :now, :now)
                ON CONFLICT (site_id, doc_type, doc_hash) DO UPDATE SET name = excluded.name,
                    phone_cipher = coalesce(excluded.phone_cipher, citizens.phone_cipher),
                    phone_hash = coalesce(excluded.phone_hash, citizens.phone_hash),
                    phone_masked = coalesce(excluded.phone_masked, citizens.phone_masked), updated_at = excluded.updated_at
                RETURNING id, phone_masked""")
                .param("site", siteId).param("name", form.name().strip()).param("type", form.docType().name())
                .param("dc", doc.cipherText()).param("dh", doc.lookupHash()).param("dm", doc.masked())
                .param("pc", phone.cipherText()).param("ph", phone.lookupHash()).param("pm", phone.masked())
                .param("now", Timestamp.from(clock.instant())) // the last visit, which the retention period counts from
                .query(Upserted.class).single();
        return new Person(PersonType.CITIZEN, null, citizen.id(), form.name().strip(), doc.masked(), citizen.phoneMasked(),
                doc.lookupHash());
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

    private String details(Person person, GateForm form, Gate.Outcome outcome, Instant at) {
        return word("gate.incident.details",
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(clock.getZone())),
                person.name(), word("gate.personType." + person.type()),
                person.phoneMasked() == null ? "—" : person.phoneMasked(),
                outcome.reasons().stream().map(r -> word("gate.reason." + r)).collect(Collectors.joining("、")),
                form.temperature().toPlainString(), actor());
    }

    /** Words stored in an incident are the hall's language, from the zh-CN bundle. */
    private String word(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private static Set<Symptom> symptoms(Array array) throws java.sql.SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Symptom::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Symptom.class)));
    }

    private static String actor() {
        return CurrentUser.find().map(CurrentUser::getUsername).orElse("system");
    }
}
