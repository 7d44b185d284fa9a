package org.hallsafe.incident;

import java.util.List;

import org.hallsafe.organization.Leadership;
import org.hallsafe.organization.LeadershipRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the leadership group through every channel once a report has committed: all members and the office for a
 * new incident, the leader alone for an escalation. Kept in the event publication registry, so a restart between
 * the report and the notification resends it; the channels make a resend harmless.
 */
@Component
class IncidentNotifier {

    private static final Logger log = LoggerFactory.getLogger(IncidentNotifier.class);

    private final Leadership leadership;
    private final List<NotificationChannel> channels;

    IncidentNotifier(Leadership leadership, List<NotificationChannel> channels) {
        this.leadership = leadership;
        this.channels = channels;
    }

    @ApplicationModuleListener
    void on(IncidentReported incident) {
        List<NotificationChannel.Recipient> recipients = leadership.members(incident.siteId(), false).stream()
                .filter(m -> !incident.escalated() || m.role() == LeadershipRole.LEADER)
                .filter(m -> m.accountId() != null)
                .map(m -> new NotificationChannel.Recipient(incident.siteId(), m.accountId(), m.staffId(), m.staffName()))
                .toList();
        if (recipients.isEmpty()) {
            log.warn("Incident {} of hall {} has nobody to tell: the leadership group has no member with an account.",
                    incident.incidentId(), incident.siteId());
        }
        for (NotificationChannel channel : channels) {
            for (NotificationChannel.Recipient recipient : recipients) {
                channel.send(recipient, incident);
            }
        }
    }
}
