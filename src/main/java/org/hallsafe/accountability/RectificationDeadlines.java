package org.hallsafe.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.Directory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open rectification past its deadline raises one incident to the leadership group (R-REQ-3), once: each one is
 * claimed with a row lock and marked with its incident in the same transaction, and the incident facade itself
 * reports a (source, id) only once, so neither a second run nor a second node raises it again.
 */
@Component
class RectificationDeadlines {

    /** The claimed row: what the incident says. */
    record Overdue(long id, long siteId, long departmentId, LocalDate dueOn, String item, String note, String title) {
    }

    static final String SOURCE = "rectification";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Incidents incidents;
    private final Directory directory;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    RectificationDeadlines(JdbcClient jdbc, Clock clock, Incidents incidents, Directory directory,
            MessageSource messages, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.incidents = incidents;
        this.directory = directory;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** One pass over every hall; the number of incidents raised. */
    @Scheduled(fixedDelayString = "${hallsafe.accountability.rectification-check:10m}",
            initialDelayString = "${hallsafe.accountability.rectification-check:10m}")
    int raiseOverdue() {
        LocalDate today = LocalDate.now(clock);
        List<Long> due = jdbc.sql("""
                SELECT id FROM rectifications WHERE state = 'OPEN' AND due_on < :today AND overdue_incident_id IS NULL
                ORDER BY id LIMIT 1000""").param("today", today).query(Long.class).list();
        int raised = 0;
        for (long id : due) {
            raised += Boolean.TRUE.equals(transactions.execute(tx -> raise(id, today))) ? 1 : 0;
        }
        return raised;
    }

    private boolean raise(long id, LocalDate today) {
        Overdue r = jdbc.sql("""
                SELECT r.id, r.site_id, r.department_id, r.due_on, i.item, i.note, s.title
                FROM rectifications r
                JOIN inspection_items i ON i.site_id = r.site_id AND i.id = r.item_id
                JOIN inspections s ON s.site_id = i.site_id AND s.id = i.inspection_id
                WHERE r.id = :id AND r.state = 'OPEN' AND r.due_on < :today AND r.overdue_incident_id IS NULL
                FOR UPDATE OF r SKIP LOCKED""").param("id", id).param("today", today).query(Overdue.class)
                .optional().orElse(null);
        if (r == null) {
            return false;
        }
        Map<Long, String> sections = directory.departmentNames(r.siteId());
        String section = sections.getOrDefault(r.departmentId(), "");
        long incident = incidents.report(r.siteId(), SOURCE, String.valueOf(r.id()),
                Incidents.Text.of("rectification.incident.title", section, r.item()),
                Incidents.Text.of("rectification.incident.details", r.title(), r.item(), r.note(), section,
                        r.dueOn().toString()));
        jdbc.sql("UPDATE rectifications SET overdue_incident_id = :incident WHERE id = :id")
                .param("incident", incident).param("id", r.id()).update();
        return true;
    }
}
