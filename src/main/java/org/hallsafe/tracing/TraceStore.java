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
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

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
        // the visits and the contacts each in one statement, a column an array: a busy hall's trace has thousands of
        // contacts, a staff member hundreds of entries, and a batch of single-row INSERTs costs the server a statement
        // each; the order of the lists is the position and the rank
        jdbc.sql("""
                INSERT INTO trace_visits (site_id, trace_id, position, entered_at, left_at, left_basis, booking_code,
                    window_number, window_name, served_by, called_at, done_at, screener)
                SELECT :site, :trace, u.*
                FROM unnest(:pos::int[], :entered::timestamptz[], :left::timestamptz[], :basis::text[], :code::text[],
                            :wn::int[], :wname::text[], :served::text[], :called::timestamptz[], :done::timestamptz[],
                            :screener::text[]) AS u""")
                .param("site", siteId).param("trace", id).param("pos", ordinals(visits.size()))
                .param("entered", column(visits, String[]::new, v -> text(v.enteredAt())))
                .param("left", column(visits, String[]::new, v -> text(v.leftAt())))
                .param("basis", column(visits, String[]::new, v -> v.leftBasis().name()))
                .param("code", column(visits, String[]::new, Visit::bookingCode))
                .param("wn", column(visits, Integer[]::new, Visit::windowNumber))
                .param("wname", column(visits, String[]::new, v -> cut(v.windowName(), 100)))
                .param("served", column(visits, String[]::new, v -> cut(v.servedBy(), 200)))
                .param("called", column(visits, String[]::new, v -> text(v.calledAt())))
                .param("done", column(visits, String[]::new, v -> text(v.doneAt())))
                .param("screener", column(visits, String[]::new, Visit::screener)).update();
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
                .param("site", siteId).param("trace", id).param("rank", ordinals(contacts.size()))
                .param("kind", column(contacts, String[]::new, c -> c.kind().name()))
                .param("pkind", column(contacts, String[]::new, c -> c.personKind().name()))
                .param("staff", column(contacts, Long[]::new, Found::staffId))
                .param("name", column(contacts, String[]::new, c -> cut(c.name(), 100)))
                .param("pm", column(contacts, String[]::new, Found::phoneMasked))
                .param("pc", column(contacts, byte[][]::new, Found::phoneCipher))
                .param("from", column(contacts, String[]::new, c -> text(c.when().from())))
                .param("to", column(contacts, String[]::new, c -> text(c.when().to())))
                .param("minutes", column(contacts, Integer[]::new, Found::minutes))
                .param("estimated", column(contacts, Boolean[]::new, Found::estimated))
                .param("whyKey", column(contacts, String[]::new, Found::whyKey))
                .param("whyArgs", column(contacts, String[]::new, c -> String.join(ARG_SEPARATOR, c.whyArgs())))
                .update();
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

    /** One column of rows as an array for {@code unnest}: the value of each row, in order. */
    private static <T, C> C[] column(List<T> rows, IntFunction<C[]> array, Function<T, C> value) {
        C[] out = array.apply(rows.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return out;
    }

    /** 1, 2, … n: the positions of the visits, the ranks of the contacts. */
    private static Integer[] ordinals(int n) {
        return IntStream.rangeClosed(1, n).boxed().toArray(Integer[]::new);
    }

    /** An instant as PostgreSQL reads it into a timestamptz, in UTC (2026-12-02T08:23:35.608Z); null stays null. */
    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
