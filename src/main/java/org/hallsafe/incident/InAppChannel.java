package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.hallsafe.platform.LiveUpdates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The notification list in HallSafe, and the live update that makes open pages show it at once. */
@Component
class InAppChannel implements NotificationChannel {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LiveUpdates live;

    InAppChannel(JdbcClient jdbc, Clock clock, LiveUpdates live) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.live = live;
    }

    @Override
    @Transactional
    public void send(Recipient recipient, IncidentReported incident) {
        jdbc.sql("""
                INSERT INTO notifications (site_id, account_id, incident_id, kind, created_at)
                VALUES (:site, :account, :incident, :kind, :now) ON CONFLICT DO NOTHING""")
                .param("site", recipient.siteId()).param("account", recipient.accountId())
                .param("incident", incident.incidentId()).param("kind", incident.escalated() ? "ESCALATED" : "REPORTED")
                .param("now", Timestamp.from(clock.instant())).update();
        live.publish(List.of(recipient.accountId()), "incident");
    }
}
