package org.hallsafe.tracing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
    private final NamedParameterJdbcTemplate batch;

    TraceStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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
        int position = 0;
        for (Visit v : visits) {
            jdbc.sql("""
                    INSERT INTO trace_visits (site_id, trace_id, position, entered_at, left_at, left_basis, booking_code,
                        window_number, window_name, served_by, called_at, done_at, screener)
                    VALUES (:site, :trace, :pos, :entered, :left, :basis, :code, :wn, :wname, :served, :called, :done,
                        :screener)""")
                    .param("site", siteId).param("trace", id).param("pos", ++position)
                    .param("entered", Timestamp.from(v.enteredAt())).param("left", Timestamp.from(v.leftAt()))
                    .param("basis", v.leftBasis().name()).param("code", v.bookingCode()).param("wn", v.windowNumber())
                    .param("wname", cut(v.windowName(), 100)).param("served", cut(v.servedBy(), 200))
                    .param("called", ts(v.calledAt())).param("done", ts(v.doneAt())).param("screener", v.screener())
                    .update();
        }
        // one batch: a busy hall's trace has thousands of contacts, a round trip each would cost seconds
        int[] rank = {0};
        batch.batchUpdate("""
                INSERT INTO trace_contacts (site_id, trace_id, rank, kind, person_kind, staff_id, name, phone_masked,
                    phone_cipher, overlap_from, overlap_to, minutes, estimated, why_key, why_args)
                VALUES (:site, :trace, :rank, :kind, :pkind, :staff, :name, :pm, :pc, :from, :to, :minutes,
                    :estimated, :whyKey, string_to_array(:whyArgs, chr(31)))""", contacts.stream()
                .map(c -> new MapSqlParameterSource().addValue("site", siteId).addValue("trace", id)
                        .addValue("rank", ++rank[0]).addValue("kind", c.kind().name())
                        .addValue("pkind", c.personKind().name()).addValue("staff", c.staffId(), Types.BIGINT)
                        .addValue("name", cut(c.name(), 100)).addValue("pm", c.phoneMasked(), Types.VARCHAR)
                        .addValue("pc", c.phoneCipher(), Types.BINARY)
                        .addValue("from", Timestamp.from(c.when().from())).addValue("to", Timestamp.from(c.when().to()))
                        .addValue("minutes", c.minutes()).addValue("estimated", c.estimated())
                        .addValue("whyKey", c.whyKey()).addValue("whyArgs", String.join(ARG_SEPARATOR, c.whyArgs())))
                .toArray(SqlParameterSource[]::new));
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

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
