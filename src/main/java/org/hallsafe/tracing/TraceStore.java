package org.hallsafe.tracing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hallsafe.tracing.ContactRules.Found;
import org.hallsafe.tracing.Traces.Contact;
import org.hallsafe.tracing.Traces.ContactKind;
import org.hallsafe.tracing.Traces.LeftBasis;
import org.hallsafe.tracing.Traces.PersonKind;
import org.hallsafe.tracing.Traces.Trace;
import org.hallsafe.tracing.Traces.TraceSummary;
import org.hallsafe.tracing.Traces.Visit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The traces as stored: a header, the visits in order and the contacts by rank, every row within its hall. */
@Component
class TraceStore {

    /** The traced person as stored: a citizen by the hash they were looked up with, or a staff member. */
    record Subject(PersonKind kind, String label, byte[] hash, Long staffId) {
    }

    /** Joins why's arguments into one parameter, split again by the database (they never hold a control character). */
    private static final String ARG_SEPARATOR = "\u001f";

    private final JdbcClient jdbc;

    TraceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long siteId, Subject subject, LocalDate from, LocalDate to, String reason, String by, Instant at,
            List<Visit> visits, List<Found> contacts) {
        long id = jdbc.sql("""
                INSERT INTO traces (site_id, subject_kind, subject_label, subject_hash, subject_staff_id, period_from,
                    period_to, reason, traced_by, traced_at)
                VALUES (:site, :kind, :label, :hash, :staff, :from, :to, :reason, :by, :at) RETURNING id""")
                .param("site", siteId).param("kind", subject.kind().name()).param("label", cut(subject.label(), 120))
                .param("hash", subject.hash()).param("staff", subject.staffId()).param("from", from).param("to", to)
                .param("reason", reason).param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
        // the visits and the contacts each in one statement, their columns as arrays: a busy hall's trace has
        // thousands of contacts, a staff member hundreds of entries, and a batch of single-row INSERTs costs the
        // server a statement each
        int m = visits.size();
        Integer[] positions = new Integer[m];
        String[] entered = new String[m];
        String[] left = new String[m];
        String[] bases = new String[m];
        String[] codes = new String[m];
        Integer[] windowNumbers = new Integer[m];
        String[] windowNames = new String[m];
        String[] servedBy = new String[m];
        String[] called = new String[m];
        String[] done = new String[m];
        String[] screeners = new String[m];
        for (int i = 0; i < m; i++) {
            Visit v = visits.get(i);
            positions[i] = i + 1;
            entered[i] = text(v.enteredAt());
            left[i] = text(v.leftAt());
            bases[i] = v.leftBasis().name();
            codes[i] = v.bookingCode();
            windowNumbers[i] = v.windowNumber();
            windowNames[i] = cut(v.windowName(), 100);
            servedBy[i] = cut(v.servedBy(), 200);
            called[i] = text(v.calledAt());
            done[i] = text(v.doneAt());
            screeners[i] = v.screener();
        }
        jdbc.sql("""
                INSERT INTO trace_visits (site_id, trace_id, position, entered_at, left_at, left_basis, booking_code,
                    window_number, window_name, served_by, called_at, done_at, screener)
                SELECT :site, :trace, u.*
                FROM unnest(:pos::int[], :entered::timestamptz[], :left::timestamptz[], :basis::text[], :code::text[],
                            :wn::int[], :wname::text[], :served::text[], :called::timestamptz[], :done::timestamptz[],
                            :screener::text[]) AS u""")
                .param("site", siteId).param("trace", id).param("pos", positions).param("entered", entered)
                .param("left", left).param("basis", bases).param("code", codes).param("wn", windowNumbers)
                .param("wname", windowNames).param("served", servedBy).param("called", called).param("done", done)
                .param("screener", screeners).update();
        int n = contacts.size();
        Integer[] ranks = new Integer[n];
        String[] kinds = new String[n];
        String[] personKinds = new String[n];
        Long[] staff = new Long[n];
        String[] names = new String[n];
        String[] phones = new String[n];
        byte[][] ciphers = new byte[n][];
        String[] froms = new String[n];
        String[] tos = new String[n];
        Integer[] minutes = new Integer[n];
        Boolean[] estimated = new Boolean[n];
        String[] whyKeys = new String[n];
        String[] whyArgs = new String[n];
        for (int i = 0; i < n; i++) {
            Found c = contacts.get(i);
            ranks[i] = i + 1;
            kinds[i] = c.kind().name();
            personKinds[i] = c.personKind().name();
            staff[i] = c.staffId();
            names[i] = cut(c.name(), 100);
            phones[i] = c.phoneMasked();
            ciphers[i] = c.phoneCipher();
            froms[i] = text(c.when().from());
            tos[i] = text(c.when().to());
            minutes[i] = c.minutes();
            estimated[i] = c.estimated();
            whyKeys[i] = c.whyKey();
            whyArgs[i] = String.join(ARG_SEPARATOR, c.whyArgs());
        }
        jdbc.sql("""
                INSERT INTO trace_contacts (site_id, trace_id, rank, kind, person_kind, staff_id, name, phone_masked,
                    phone_cipher, overlap_from, overlap_to, minutes, estimated, why_key, why_args)
                SELECT :site, :trace, u.rank, u.kind, u.person_kind, u.staff_id, u.name, u.phone_masked, u.phone_cipher,
                       u.overlap_from, u.overlap_to, u.minutes, u.estimated, u.why_key, string_to_array(u.why_args, chr(31))
                FROM unnest(:rank::int[], :kind::text[], :pkind::text[], :staff::bigint[], :name::text[], :pm::text[],
                            :pc::bytea[], :from::timestamptz[], :to::timestamptz[], :minutes::int[], :estimated::boolean[],
                            :whyKey::text[], :whyArgs::text[])
                     AS u(rank, kind, person_kind, staff_id, name, phone_masked, phone_cipher, overlap_from, overlap_to,
                          minutes, estimated, why_key, why_args)""")
                .param("site", siteId).param("trace", id).param("rank", ranks).param("kind", kinds)
                .param("pkind", personKinds).param("staff", staff).param("name", names).param("pm", phones)
                .param("pc", ciphers).param("from", froms).param("to", tos).param("minutes", minutes)
                .param("estimated", estimated).param("whyKey", whyKeys).param("whyArgs", whyArgs).update();
        return id;
    }

    Optional<Trace> find(long siteId, long id) {
        List<Visit> visits = jdbc.sql("""
                SELECT entered_at, left_at, left_basis, booking_code, window_number, window_name, served_by, called_at,
                       done_at, screener
                FROM trace_visits WHERE site_id = :site AND trace_id = :trace ORDER BY position""")
                .param("site", siteId).param("trace", id).query((rs, n) -> new Visit(instant(rs, "entered_at"),
                        instant(rs, "left_at"), LeftBasis.valueOf(rs.getString("left_basis")), rs.getString("booking_code"),
                        (Integer) rs.getObject("window_number"), rs.getString("window_name"), rs.getString("served_by"),
                        instant(rs, "called_at"), instant(rs, "done_at"), rs.getString("screener")))
                .list();
        List<Contact> contacts = jdbc.sql("""
                SELECT id, rank, kind, person_kind, name, phone_masked, why_key, why_args, overlap_from, overlap_to,
                       minutes, estimated, notified_at
                FROM trace_contacts WHERE site_id = :site AND trace_id = :trace ORDER BY rank""")
                .param("site", siteId).param("trace", id).query((rs, n) -> new Contact(rs.getLong("id"), rs.getInt("rank"),
                        ContactKind.valueOf(rs.getString("kind")), PersonKind.valueOf(rs.getString("person_kind")),
                        rs.getString("name"), rs.getString("phone_masked"), rs.getString("why_key"),
                        strings(rs.getArray("why_args")), instant(rs, "overlap_from"), instant(rs, "overlap_to"),
                        rs.getInt("minutes"), rs.getBoolean("estimated"), instant(rs, "notified_at")))
                .list();
        return jdbc.sql("""
                SELECT id, subject_label, period_from, period_to, reason, traced_by, traced_at, incident_id, subject_kind
                FROM traces WHERE site_id = :site AND id = :id""")
                .param("site", siteId).param("id", id).query((rs, n) -> new Trace(rs.getLong("id"),
                        rs.getString("subject_label"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), rs.getString("reason"), rs.getString("traced_by"),
                        instant(rs, "traced_at"), (Long) rs.getObject("incident_id"), visits, contacts,
                        PersonKind.valueOf(rs.getString("subject_kind"))))
                .optional();
    }

    List<TraceSummary> recent(long siteId, int limit) {
        return jdbc.sql("""
                SELECT t.id, t.subject_kind, t.subject_label, t.period_from, t.period_to, t.reason, t.traced_by,
                       t.traced_at,
                       (SELECT count(*) FROM trace_visits v WHERE v.site_id = t.site_id AND v.trace_id = t.id) AS visits,
                       (SELECT count(*) FROM trace_contacts c WHERE c.site_id = t.site_id AND c.trace_id = t.id) AS contacts
                FROM traces t WHERE t.site_id = :site ORDER BY t.traced_at DESC, t.id DESC LIMIT :limit""")
                .param("site", siteId).param("limit", limit).query((rs, n) -> new TraceSummary(rs.getLong("id"),
                        PersonKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_label"),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                        rs.getString("reason"), rs.getString("traced_by"), instant(rs, "traced_at"), rs.getInt("visits"),
                        rs.getInt("contacts")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** An instant as PostgreSQL reads it into a timestamptz, in UTC (2026-12-02T08:23:35.608Z); null stays null. */
    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
