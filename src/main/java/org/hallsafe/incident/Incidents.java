package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports, acknowledgement, follow-up and closing of incidents; the facade other modules report through. */
@Service
public class Incidents {

    public enum Status { OPEN, ACKNOWLEDGED, CLOSED }

    /**
     * {@code title} is the Chinese sentence as stored; {@code titleKey} and {@code titleArgs} (null for a row reported
     * as a sentence) let a page show it in its reader's language.
     */
    public record Incident(long id, String source, String sourceId, String title, Status status,
            Instant reportedAt, String reportedBy, Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt,
            Instant closedAt, String closedBy, String titleKey, String titleArgs) {
    }

    /**
     * A text kept as a message key and its arguments, rendered in each reader's language (issue 20, item 7). An
     * argument is a value (a name, a number, a date as text) or {@link Words}: message keys rendered too.
     */
    public record Text(String key, List<Object> args) {
        public static Text of(String key, Object... args) {
            return new Text(key, List.of(args));
        }
    }

    /** An argument that is itself words of the bundles (a person's type, refusal reasons), joined with 、 or a comma. */
    public record Words(List<String> keys) {
        public static Words of(String... keys) {
            return new Words(List.of(keys));
        }

        public static Words of(java.util.Collection<String> keys) {
            return new Words(List.copyOf(keys));
        }
    }

    public record Note(String kind, String body, Instant writtenAt, String writtenBy) {
    }

    static final String SELECT = """
            SELECT id, source, source_id, title, status, reported_at, reported_by, acknowledged_at,
                   acknowledged_by, escalated_at, closed_at, closed_by, title_key, title_args FROM incidents""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ActivityLog activity;
    private final org.hallsafe.platform.PersonalData personalData;
    private final IncidentTexts texts;

    Incidents(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, ActivityLog activity,
            org.hallsafe.platform.PersonalData personalData, IncidentTexts texts) {
        this.personalData = personalData;
        this.texts = texts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.activity = activity;
    }

    /**
     * Reports a case, once: reporting the same {@code source} and {@code sourceId} again returns the first report.
     * Every leadership member and the office are told after the caller's transaction commits.
     */
    @Transactional
    public long report(long siteId, String source, String sourceId, String title, String details) {
        return insert(siteId, source, sourceId, title, null, null, null, details);
    }

    /**
     * Reports a case as texts of the bundles (issue 20, item 7): each reader sees title and details in their language;
     * the SMS and other readers of {@link Incident#title()} get the Chinese sentence. Once per source and id, as above.
     */
    @Transactional
    public long report(long siteId, String source, String sourceId, Text title, Text details) {
        String detailsArgs = IncidentTexts.encode(details.args());
        return insert(siteId, source, sourceId, texts.render(title.key(), IncidentTexts.encode(title.args()), Locale.SIMPLIFIED_CHINESE),
                title.key(), PlainText.Rules.truncate(IncidentTexts.encode(title.args()), 1000), details.key(),
                detailsArgs == null ? "" : detailsArgs);
    }

    private long insert(long siteId, String source, String sourceId, String title, String titleKey, String titleArgs,
            String detailsKey, String details) {
        title = PlainText.Rules.truncate(title, TITLE);
        Optional<Long> created = jdbc.sql("""
                INSERT INTO incidents (site_id, source, source_id, title, details_cipher, reported_at, reported_by,
                                       title_key, title_args, details_key)
                VALUES (:site, :source, :sourceId, :title, :details, :now, :by, :titleKey, :titleArgs, :detailsKey)
                ON CONFLICT (site_id, source, source_id) DO NOTHING RETURNING id""")
                .param("site", siteId).param("source", source).param("sourceId", sourceId).param("title", title)
                .param("details", personalData.seal(details, "").cipherText()).param("now", now()).param("by", SignedIn.actor())
                .param("titleKey", titleKey).param("titleArgs", titleArgs).param("detailsKey", detailsKey)
                .query(Long.class).optional();
        if (created.isEmpty()) {
            return jdbc.sql("SELECT id FROM incidents WHERE site_id = :site AND source = :source AND source_id = :sourceId")
                    .param("site", siteId).param("source", source).param("sourceId", sourceId).query(Long.class).single();
        }
        events.publishEvent(new IncidentReported(siteId, created.get(), title, false));
        activity.record("INCIDENT_REPORTED", "incident", created.get(), title);
        return created.get();
    }

    /** More of what is known, e.g. the questioning record of a refused person. */
    @Transactional
    public void addDetails(long siteId, long id, String body) {
        get(siteId, id);
        addNote(id, "DETAILS", body);
    }

    @Transactional
    public void acknowledge(long siteId, long id) {
        int n = jdbc.sql("""
                UPDATE incidents SET status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by
                WHERE site_id = :site AND id = :id AND status = 'OPEN'""")
                .param("now", now()).param("by", SignedIn.actor()).param("site", siteId).param("id", id).update();
        if (n == 0) {
            get(siteId, id);
            throw new InvalidInputException("status", "incident.alreadyAcknowledged");
        }
        addNote(id, "ACKNOWLEDGED", "");
        activity.record("INCIDENT_ACKNOWLEDGED", "incident", id, null);
    }

    /** A case's title as the list shows it; made by HallSafe from a name and a reason, so cut rather than refused. */
    static final int TITLE = 200;

    /** A note or closing word: a follow-up record of at most 2000 characters, lines allowed. */
    private static void bounded(String body) {
        String problem = PlainText.Rules.problem(body.strip(), PlainText.RECORD, true);
        if (problem != null) {
            throw new InvalidInputException("body", problem);
        }
    }

    @Transactional
    public void note(long siteId, long id, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "validation.required");
        }
        bounded(body);
        if (get(siteId, id).status() == Status.CLOSED) {
            throw new InvalidInputException("body", "incident.closed");
        }
        addNote(id, "NOTE", body.strip());
        activity.record("INCIDENT_NOTE", "incident", id, null);
    }

    /** Closing needs a word on how the case ended; an unacknowledged case is acknowledged by closing it. */
    @Transactional
    public void close(long siteId, long id, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "incident.close.required");
        }
        bounded(body);
        int n = jdbc.sql("""
                UPDATE incidents SET status = 'CLOSED', closed_at = :now, closed_by = :by,
                       acknowledged_at = coalesce(acknowledged_at, :now), acknowledged_by = coalesce(acknowledged_by, :by)
                WHERE site_id = :site AND id = :id AND status <> 'CLOSED'""")
                .param("now", now()).param("by", SignedIn.actor()).param("site", siteId).param("id", id).update();
        if (n == 0) {
            get(siteId, id);
            throw new InvalidInputException("body", "incident.closed");
        }
        addNote(id, "CLOSED", body.strip());
        activity.record("INCIDENT_CLOSED", "incident", id, null);
    }

    @Transactional(readOnly = true)
    public Incident get(long siteId, long id) {
        return jdbc.sql(SELECT + " WHERE site_id = :site AND id = :id").param("site", siteId).param("id", id)
                .query(this::map).optional().orElseThrow(() -> NotFoundException.of("incident", id));
    }

    /** Newest first; {@code status} null for all. */
    @Transactional(readOnly = true)
    public List<Incident> list(long siteId, Status status, int limit) {
        return jdbc.sql(SELECT + " WHERE site_id = :site AND (:status = '' OR status = :status) ORDER BY id DESC LIMIT :limit")
                .param("site", siteId).param("status", status == null ? "" : status.name()).param("limit", limit)
                .query(this::map).list();
    }

    /** What is known of the case and its follow-up, opened for one reader: one audit entry per reading. */
    public record Record(String details, List<Note> notes) {
    }

    @Transactional
    public Record record(long siteId, long id) {
        record Stored(byte[] cipher, String key) {
        }
        Stored stored = jdbc.sql("SELECT details_cipher, details_key FROM incidents WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", id)
                // no details (never given, or removed by the retention job) is still an incident
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getString(2))).optional()
                .orElseThrow(() -> NotFoundException.of("incident", id));
        byte[] details = stored.cipher();
        record Sealed(String kind, byte[] body, java.sql.Timestamp at, String by) {
        }
        List<Sealed> sealed = jdbc.sql("SELECT kind, body_cipher, written_at, written_by FROM incident_notes WHERE incident_id = :id ORDER BY id")
                .param("id", id).query((rs, n) -> new Sealed(rs.getString(1), rs.getBytes(2), rs.getTimestamp(3), rs.getString(4))).list();
        List<byte[]> ciphers = new java.util.ArrayList<>();
        ciphers.add(details);
        sealed.forEach(x -> ciphers.add(x.body()));
        List<String> plain = personalData.revealAll(ciphers, "incident", "incident " + id);
        List<Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < sealed.size(); i++) {
            Sealed x = sealed.get(i);
            notes.add(new Note(x.kind(), plain.get(i + 1) == null ? "" : plain.get(i + 1), x.at().toInstant(), x.by()));
        }
        String text = plain.get(0) == null ? ""
                : stored.key() == null ? plain.get(0)
                : texts.render(stored.key(), plain.get(0), org.springframework.context.i18n.LocaleContextHolder.getLocale());
        return new Record(text, notes);
    }

    /** Open incidents of a hall: not yet closed. */
    @Transactional(readOnly = true)
    public int openCount(long siteId) {
        return jdbc.sql("SELECT count(*) FROM incidents WHERE site_id = :site AND status <> 'CLOSED'")
                .param("site", siteId).query(Integer.class).single();
    }

    void addNote(long id, String kind, String body) {
        // the note takes its incident's hall
        jdbc.sql("""
                INSERT INTO incident_notes (site_id, incident_id, kind, body_cipher, written_at, written_by)
                SELECT site_id, id, :kind, :body, :now, :by FROM incidents WHERE id = :id""")
                .param("id", id).param("kind", kind).param("body", body == null || body.isEmpty() ? null : personalData.seal(body, "").cipherText())
                .param("now", now()).param("by", SignedIn.actor()).update();
    }

    Incident map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Incident(rs.getLong("id"), rs.getString("source"), rs.getString("source_id"), rs.getString("title"),
                Status.valueOf(rs.getString("status")), instant(rs, "reported_at"),
                rs.getString("reported_by"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                instant(rs, "escalated_at"), instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("title_key"), rs.getString("title_args"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
