package org.hallsafe.tracing;

import java.util.Locale;

import org.hallsafe.incident.Incidents;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports a trace to the leadership group as an incident (issue 17 item 4), once: the incident names the subject,
 * the period and the count of contacts and links the trace's page; {@code traces.incident_id} then points at it.
 */
@Service
class TraceIncidents {

    static final String SOURCE = "trace";

    private final Traces traces;
    private final Incidents incidents;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    TraceIncidents(Traces traces, Incidents incidents, JdbcClient jdbc, MessageSource messages) {
        this.traces = traces;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The incident and whether this press made it (false: it had been reported before). */
    record Reported(long incidentId, boolean now) implements java.io.Serializable {
    }

    @Transactional
    Reported report(SignedIn who, long traceId) {
        Traces.Trace trace = traces.get(who, traceId);
        if (trace.incidentId() != null) {
            return new Reported(trace.incidentId(), false);
        }
        long staff = trace.contacts().stream().filter(c -> c.personKind() == Traces.PersonKind.STAFF).count();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String title = messages.getMessage("traceact.incident.title", new Object[] {trace.subjectLabel()}, zh);
        String details = messages.getMessage("traceact.incident.details", new Object[] {trace.subjectLabel(),
                String.valueOf(trace.from()), String.valueOf(trace.to()), trace.contacts().size(), staff,
                String.valueOf(traceId), trace.reason()}, zh);
        // Incidents.report is itself once per source and id: a second press (or a race) finds the same incident
        long incident = incidents.report(who.siteId(), SOURCE, String.valueOf(traceId), title, details);
        int set = jdbc.sql("UPDATE traces SET incident_id = :incident WHERE site_id = :site AND id = :id AND incident_id IS NULL")
                .param("incident", incident).param("site", who.siteId()).param("id", traceId).update();
        return new Reported(incident, set == 1);
    }
}
