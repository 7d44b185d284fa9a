package org.hallsafe.incident;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Deliveries;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Incidents by SMS to the leadership group: one delivery per person and purpose in platform's outbox, written in the
 * listener's transaction and sent by the outbox worker afterwards (issue 19, item 3). A resent event or a second
 * escalation finds the delivery written and tells nobody twice; a slow gateway holds up no listener or job.
 */
@Component
class SmsChannel implements NotificationChannel {

    /** The outbox's source of incident deliveries; the incident page lists them by it. */
    static final String SOURCE = "incident";

    private final Deliveries deliveries;
    private final StaffDirectory staff;
    private final MessageSource messages;

    SmsChannel(Deliveries deliveries, StaffDirectory staff, MessageSource messages) {
        this.deliveries = deliveries;
        this.staff = staff;
        this.messages = messages;
    }

    @Override
    public void send(Recipient recipient, IncidentReported incident) {
        String masked = staff.get(recipient.siteId(), recipient.staffId()).phoneMasked();
        if (masked == null || masked.isBlank()) {
            return;
        }
        String text = messages.getMessage(incident.escalated() ? "incident.sms.escalated" : "incident.sms.reported",
                new Object[] {incident.title()}, java.util.Locale.SIMPLIFIED_CHINESE);
        deliveries.enqueueSms(new Deliveries.Sms(recipient.siteId(), SOURCE, String.valueOf(incident.incidentId()),
                incident.escalated() ? "ESCALATED" : "REPORTED", "staff:" + recipient.staffId(), recipient.name(), masked, text),
                () -> staff.reveal(recipient.siteId(), recipient.staffId(), "phone"));
    }
}
