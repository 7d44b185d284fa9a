package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incoming post (收件, item 2): the mail room logs each envelope (carrier, tracking number checked by its format,
 * sheets) as received by the signed-in person at the server's time, matched to its case by the code written on it or
 * later by a search; an envelope without a case waits in a list until it is matched.
 */
@Service
class MailRoom {

    /** An envelope in; {@code caseId} null until it is matched. */
    record Envelope(long id, Long caseId, String caseCode, String carrier, String carrierOther, String trackingNo,
            boolean trackingFlagged, Integer sheets, Instant loggedAt, String loggedBy, String note) {

        public String displayCode() {
            return CaseCodes.display(caseCode);
        }
    }

    /** An envelope as the mail room types it (the page's form and the API's body). */
    record Incoming(TrackingNumbers.Carrier carrier, String carrierOther, String trackingNo, Integer sheets,
            String caseCode, String note) {

        static Incoming empty() {
            return new Incoming(TrackingNumbers.Carrier.EMS, "", "", null, "", "");
        }
    }

    /** A case a search found, to match an envelope to. */
    record Found(long id, String code, long itemId, String state, String applicantMasked, String company,
            Instant createdAt) {

        public String displayCode() {
            return CaseCodes.display(code);
        }
    }

    static final int CARRIER_OTHER = 40;
    static final int NOTE = 200;
    static final int CODE_TYPED = 20;
    static final int QUERY = 40;

    private static final String SELECT = """
            SELECT m.id, m.case_id, c.code AS case_code, m.carrier, m.carrier_other, m.tracking_no, m.tracking_flagged,
                   m.sheets, m.logged_at, m.logged_by, m.note
            FROM agency_mail m LEFT JOIN agency_cases c ON c.site_id = m.site_id AND c.id = m.case_id
            WHERE m.site_id = :site AND m.direction = 'IN'""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseLog log;
    private final PersonalData personalData;
    private final ActivityLog activity;
    private final LiveUpdates live;

    MailRoom(JdbcClient jdbc, Clock clock, CaseLog log, PersonalData personalData, ActivityLog activity,
            LiveUpdates live) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.personalData = personalData;
        this.activity = activity;
        this.live = live;
    }

    /**
     * Logs an envelope in. Every field is checked at once; a code written on it must be a case of this hall (a
     * mistyped code is refused, an envelope without one waits to be matched). The same tracking number logged
     * twice (a doubled click, a second scan) answers the envelope logged first.
     */
    @Transactional
    Envelope logIn(long siteId, Incoming in) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (in.carrier() == null) {
            problems.put("carrier", "validation.required");
        }
        String other = strip(in.carrierOther());
        if (in.carrier() == TrackingNumbers.Carrier.OTHER && other.isEmpty()) {
            problems.put("carrierOther", "agency.mail.carrierOther.required");
        }
        bounded(problems, "carrierOther", other, CARRIER_OTHER);
        TrackingNumbers.Checked tracking = TrackingNumbers.check(in.carrier(), in.trackingNo());
        if (!tracking.ok()) {
            problems.put("trackingNo", tracking.problem());
        }
        if (in.sheets() != null && (in.sheets() < 1 || in.sheets() > 2000)) {
            problems.put("sheets", "agency.mail.sheets");
        }
        String note = strip(in.note());
        bounded(problems, "note", note, NOTE);
        String typedCode = strip(in.caseCode());
        bounded(problems, "caseCode", typedCode, CODE_TYPED);
        Long caseId = null;
        if (!typedCode.isEmpty() && !problems.containsKey("caseCode")) {
            Optional<Found> found = byCode(siteId, typedCode);
            if (found.isEmpty()) {
                problems.put("caseCode", "agency.mail.codeUnknown");
            } else if (closed(found.get().state())) {
                problems.put("caseCode", "agency.mail.caseClosed");
            } else {
                caseId = found.get().id();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = SignedIn.actor();
        Optional<Long> id = jdbc.sql("""
                INSERT INTO agency_mail (site_id, case_id, direction, carrier, carrier_other, tracking_no, tracking_flagged,
                                         sheets, logged_at, logged_by, note)
                VALUES (:site, :case, 'IN', :carrier, :other, :no, :flagged, :sheets, :now, :by, :note)
                ON CONFLICT (site_id, carrier, tracking_no) WHERE direction = 'IN' DO NOTHING RETURNING id""")
                .param("site", siteId).param("case", caseId).param("carrier", in.carrier().name())
                .param("other", in.carrier() == TrackingNumbers.Carrier.OTHER ? other : "")
                .param("no", tracking.number()).param("flagged", tracking.flagged()).param("sheets", in.sheets())
                .param("now", Timestamp.from(clock.instant())).param("by", by).param("note", note)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return jdbc.sql(SELECT + " AND m.carrier = :carrier AND m.tracking_no = :no").param("site", siteId)
                    .param("carrier", in.carrier().name()).param("no", tracking.number()).query(Envelope.class).single();
        }
        activity.record("AGENCY_MAIL_IN", "agency-mail", id.get(), in.carrier() + " " + tracking.number());
        if (caseId != null) {
            log.append(siteId, caseId, by, "MAIL_IN", in.carrier() + " " + tracking.number());
        }
        live.publishToSite(siteId, "agency");
        return get(siteId, id.get());
    }

    /** Matches a waiting envelope to a case of the hall; an envelope matched already is refused. */
    @Transactional
    Envelope match(long siteId, long envelopeId, long caseId) {
        Found c = jdbc.sql("""
                SELECT id, code, item_id, state, applicant_masked, company, created_at FROM agency_cases
                WHERE site_id = :site AND id = :id""").param("site", siteId).param("id", caseId).query(Found.class)
                .optional().orElseThrow(() -> new InvalidInputException("caseId", "agency.mail.caseUnknown"));
        if (closed(c.state())) {
            throw new InvalidInputException("caseId", "agency.mail.caseClosed");
        }
        Envelope e = get(siteId, envelopeId);
        int n = jdbc.sql("""
                UPDATE agency_mail SET case_id = :case WHERE site_id = :site AND id = :id AND direction = 'IN' AND case_id IS NULL""")
                .param("case", caseId).param("site", siteId).param("id", envelopeId).update();
        if (n == 0) {
            throw new InvalidInputException("caseId", "agency.mail.matchedAlready");
        }
        log.append(siteId, caseId, SignedIn.actor(), "MAIL_IN", e.carrier() + " " + e.trackingNo());
        activity.record("AGENCY_MAIL_MATCHED", "agency-mail", envelopeId, c.code());
        live.publishToSite(siteId, "agency");
        return get(siteId, envelopeId);
    }

    @Transactional(readOnly = true)
    Envelope get(long siteId, long id) {
        return jdbc.sql(SELECT + " AND m.id = :id").param("site", siteId).param("id", id).query(Envelope.class)
                .optional().orElseThrow(() -> NotFoundException.of("envelope", id));
    }

    /** Envelopes not yet matched to a case, oldest first: the mail room's list to work off. */
    @Transactional(readOnly = true)
    List<Envelope> unmatched(long siteId) {
        return jdbc.sql(SELECT + " AND m.case_id IS NULL ORDER BY m.logged_at, m.id LIMIT 200").param("site", siteId)
                .query(Envelope.class).list();
    }

    /** The envelopes logged in most recently, newest first. */
    @Transactional(readOnly = true)
    List<Envelope> recent(long siteId, int limit) {
        return jdbc.sql(SELECT + " ORDER BY m.logged_at DESC, m.id DESC LIMIT :limit").param("site", siteId)
                .param("limit", limit).query(Envelope.class).list();
    }

    /** The envelopes of a case, in the order they came. */
    @Transactional(readOnly = true)
    List<Envelope> ofCase(long siteId, long caseId) {
        return jdbc.sql(SELECT + " AND m.case_id = :case ORDER BY m.logged_at, m.id").param("site", siteId)
                .param("case", caseId).query(Envelope.class).list();
    }

    /**
     * Cases an envelope may belong to: by the case code (whole or its start), the company's name, or the applicant's
     * full phone number (a keyed-hash match, written to the audit log). Open cases only, newest first.
     */
    @Transactional
    List<Found> search(long siteId, String query) {
        String q = strip(query);
        if (q.isEmpty()) {
            return List.of();
        }
        String problem = PlainText.Rules.problem(q, QUERY, false);
        if (problem != null) {
            throw new InvalidInputException("q", problem);
        }
        String code = CaseCodes.normalise(q);
        byte[] phoneHash = PhoneNumber.isValid(q) ? personalData.lookupHash(new PhoneNumber(q).value()) : null;
        List<Found> found = jdbc.sql("""
                SELECT id, code, item_id, state, applicant_masked, company, created_at FROM agency_cases
                WHERE site_id = :site AND state IN ('APPLIED', 'SUPPLEMENT', 'ACCEPTED')
                  AND ((:code <> '' AND code LIKE :code || '%') OR company ILIKE '%' || :company || '%'
                       OR (CAST(:phone AS bytea) IS NOT NULL AND phone_hash = :phone))
                ORDER BY created_at DESC, id DESC LIMIT 20""")
                .param("site", siteId).param("code", code.length() >= 4 ? code : "")
                .param("company", q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .param("phone", phoneHash).query(Found.class).list();
        if (phoneHash != null) {
            personalData.recordLookUp("agency-case", "phone", new PhoneNumber(q).masked(), found.size());
        }
        return found;
    }

    private Optional<Found> byCode(long siteId, String typed) {
        return jdbc.sql("""
                SELECT id, code, item_id, state, applicant_masked, company, created_at FROM agency_cases
                WHERE site_id = :site AND code = :code""")
                .param("site", siteId).param("code", CaseCodes.normalise(typed)).query(Found.class).optional();
    }

    private static boolean closed(String state) {
        State s = State.valueOf(state);
        return s != State.APPLIED && s != State.SUPPLEMENT && s != State.ACCEPTED;
    }

    private static void bounded(Map<String, String> problems, String field, String value, int max) {
        String problem = PlainText.Rules.problem(value, max, false);
        if (problem != null) {
            problems.putIfAbsent(field, problem);
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

}
