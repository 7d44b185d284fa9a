package org.hallsafe.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.hallsafe.platform.ActivityRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every activity. The listener runs after the change has committed, through the event publication registry,
 * so a record is written even if the node restarts in between.
 */
@Service
class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
            String summary, String address) {
    }

    record Filter(String actor, String action, LocalDate from, LocalDate to, Long before) {
    }

    @ApplicationModuleListener
    void on(ActivityRecorded e) {
        jdbc.sql("""
                INSERT INTO audit_log (site_id, occurred_at, actor, action, target_type, target_id, summary, address)
                VALUES (:site, :at, :actor, :action, :targetType, :targetId, :summary, :address)""")
                .param("site", e.siteId())
                .param("at", Timestamp.from(e.occurredAt()))
                .param("actor", e.actor())
                .param("action", e.action())
                .param("targetType", e.targetType())
                .param("targetId", e.targetId())
                .param("summary", e.summary())
                .param("address", e.address() == null ? "" : e.address())
                .update();
    }

    /** One page, newest first; {@code before} is the last id of the previous page (keyset paging). */
    @Transactional(readOnly = true)
    List<Entry> search(long siteId, boolean withSystem, Filter filter, ZoneId zone, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, actor, action, target_type, target_id, summary, address
                FROM audit_log WHERE (site_id = :site OR :withSystem AND site_id IS NULL)""");
        var params = new java.util.HashMap<String, Object>();
        params.put("site", siteId);
        params.put("withSystem", withSystem);
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" AND lower(actor) = lower(:actor)");
            params.put("actor", filter.actor().strip());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            sql.append(" AND action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.before() != null) {
            sql.append(" AND id < :before");
            params.put("before", filter.before());
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Entry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("summary"),
                rs.getString("address"))).list();
    }
}
