package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident nobody acknowledged within {@code hallsafe.incident.acknowledge-within} is marked escalated and sent
 * again to the leader. The UPDATE claims each incident: on several nodes each one is escalated once.
 */
@Component
class Escalation {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IncidentProperties properties;
    private final Incidents incidents;
    private final ApplicationEventPublisher events;

    Escalation(JdbcClient jdbc, Clock clock, IncidentProperties properties, Incidents incidents,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.incidents = incidents;
        this.events = events;
    }

    record Overdue(long id, long siteId, String title) {
    }

    @Scheduled(fixedDelayString = "${hallsafe.incident.escalation-check:30s}", initialDelayString = "${hallsafe.incident.escalation-check:30s}")
    @Transactional
    public int escalateOverdue() {
        List<Overdue> overdue = jdbc.sql("""
                UPDATE incidents SET escalated_at = :now
                WHERE status = 'OPEN' AND acknowledged_at IS NULL AND escalated_at IS NULL AND reported_at <= :deadline
                RETURNING id, site_id, title""")
                .param("now", Timestamp.from(clock.instant()))
                .param("deadline", Timestamp.from(clock.instant().minus(properties.acknowledgeWithin())))
                .query(Overdue.class).list();
        for (Overdue o : overdue) {
            incidents.addNote(o.id(), "ESCALATED", "");
            events.publishEvent(new IncidentReported(o.siteId(), o.id(), o.title(), true));
        }
        return overdue.size();
    }
}
