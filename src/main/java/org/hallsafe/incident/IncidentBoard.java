package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident list at scale (issue 20, item 2): a page of 50 under filters kept in the URL, the count of
 * unacknowledged incidents (the navigation badge), and acknowledging many at once with one note.
 */
@Service
class IncidentBoard {

    static final int PAGE = 50;
    /** At most this many ticked rows in one acknowledgement; more are acknowledged by the filter. */
    static final int MAX_TICKED = 500;

    /** What the list shows; every part optional. {@code unacknowledged}: open and nobody acknowledged it yet. */
    record Filter(Incidents.Status status, boolean unacknowledged, String source, LocalDate day) {
    }

    record Page(List<Incidents.Incident> rows, int total) {
    }

    private static final String WHERE = " WHERE site_id = :site AND (:status = '' OR status = :status)"
            + " AND (NOT :unack OR (status = 'OPEN' AND acknowledged_at IS NULL))"
            + " AND (:source = '' OR source = :source) AND reported_at >= :from AND reported_at < :to";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Incidents incidents;
    private final ActivityLog activity;
    private final PersonalData personalData;
    private final LiveUpdates live;

    IncidentBoard(JdbcClient jdbc, Clock clock, Incidents incidents, ActivityLog activity, PersonalData personalData,
            LiveUpdates live) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.incidents = incidents;
        this.activity = activity;
        this.personalData = personalData;
        this.live = live;
    }

    /** Newest first, {@code PAGE} rows from {@code offset}, and how many match in all. */
    @Transactional(readOnly = true)
    Page page(long siteId, Filter filter, int offset) {
        List<Incidents.Incident> rows = filtered(jdbc.sql(Incidents.SELECT + WHERE + " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
                siteId, filter).param("limit", PAGE).param("offset", Math.max(0, offset)).query(incidents::map).list();
        int total = filtered(jdbc.sql("SELECT count(*) FROM incidents" + WHERE), siteId, filter).query(Integer.class).single();
        return new Page(rows, total);
    }

    /** How many under the filter share this title key within the hour from {@code hour}: a group's whole count. */
    @Transactional(readOnly = true)
    int sameInHour(long siteId, Filter filter, String titleKey, java.time.Instant hour) {
        return filtered(jdbc.sql("SELECT count(*) FROM incidents" + WHERE
                + " AND title_key = :key AND reported_at >= :hour AND reported_at < :hourEnd"), siteId, filter)
                .param("key", titleKey).param("hour", Timestamp.from(hour))
                .param("hourEnd", Timestamp.from(hour.plusSeconds(3600))).query(Integer.class).single();
    }

    /** The sources a hall's incidents came from (gate, staff health, agency …): the kind filter's choices. */
    @Transactional(readOnly = true)
    List<String> sources(long siteId) {
        return jdbc.sql("SELECT DISTINCT source FROM incidents WHERE site_id = :site ORDER BY source")
                .param("site", siteId).query(String.class).list();
    }

    /** The navigation badge: open incidents nobody acknowledged; reading one leaves it as it is. */
    @Transactional(readOnly = true)
    int unacknowledged(long siteId) {
        return jdbc.sql("SELECT count(*) FROM incidents WHERE site_id = :site AND status = 'OPEN' AND acknowledged_at IS NULL")
                .param("site", siteId).query(Integer.class).single();
    }

    /**
     * Acknowledges, in one transaction, the ticked open incidents ({@code ids}) or, when {@code ids} is null, every open
     * one matching the filter. Each gets the same note and its own line in the activity log. Returns how many.
     */
    @Transactional
    int acknowledgeAll(long siteId, List<Long> ids, Filter filter, String note) {
        String body = note == null ? "" : note.strip();
        String problem = PlainText.Rules.problem(body, PlainText.RECORD, true);
        if (problem != null) {
            throw new InvalidInputException("note", problem);
        }
        if (ids != null && (ids.isEmpty() || ids.size() > MAX_TICKED)) {
            throw new InvalidInputException("ids", ids.isEmpty() ? "incident.bulk.noneTicked" : "incident.bulk.tooMany");
        }
        JdbcClient.StatementSpec update = jdbc.sql("""
                UPDATE incidents SET status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by
                """ + WHERE + " AND status = 'OPEN'" + (ids == null ? "" : " AND id IN (:ids)") + " RETURNING id");
        update = filtered(update, siteId, ids == null ? filter : new Filter(null, false, null, null))
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor());
        if (ids != null) {
            update = update.param("ids", ids);
        }
        List<Long> done = update.query(Long.class).list();
        if (done.isEmpty()) {
            return 0;
        }
        // one sealed copy of the note serves every row: the same words for each incident
        jdbc.sql("""
                INSERT INTO incident_notes (site_id, incident_id, kind, body_cipher, written_at, written_by)
                SELECT site_id, id, 'ACKNOWLEDGED', :body, :now, :by FROM incidents WHERE site_id = :site AND id IN (:ids)""")
                .param("body", body.isEmpty() ? null : personalData.seal(body, "").cipherText())
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor())
                .param("site", siteId).param("ids", done).update();
        for (long id : done) {
            activity.record("INCIDENT_ACKNOWLEDGED", "incident", id, null);
        }
        live.publishToSite(siteId, "incident");
        return done.size();
    }

    private JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, long siteId, Filter f) {
        ZonedDateTime from = f.day() == null ? null : f.day().atStartOfDay(clock.getZone());
        return sql.param("site", siteId).param("status", f.status() == null ? "" : f.status().name())
                .param("unack", f.unacknowledged()).param("source", f.source() == null ? "" : f.source())
                .param("from", from == null ? Timestamp.valueOf("1970-01-01 00:00:00") : Timestamp.from(from.toInstant()))
                .param("to", from == null ? Timestamp.valueOf("9999-01-01 00:00:00") : Timestamp.from(from.plusDays(1).toInstant()));
    }
}
