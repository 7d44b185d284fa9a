package org.hallsafe.incident;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.SmsGateway;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Incidents by SMS to the leadership group, through the hall's gateway (or only the log, without one). */
@Component
class SmsChannel implements NotificationChannel {

    private final SmsGateway sms;
    private final StaffDirectory staff;
    private final MessageSource messages;

    SmsChannel(SmsGateway sms, StaffDirectory staff, MessageSource messages) {
        this.sms = sms;
        this.staff = staff;
        this.messages = messages;
    }

    @Override
    public void send(Recipient recipient, IncidentReported incident) {
        String text = messages.getMessage(incident.escalated() ? "incident.sms.escalated" : "incident.sms.reported",
                new Object[] {incident.title()}, java.util.Locale.SIMPLIFIED_CHINESE);
        if (sms.configured()) {
            sms.send(staff.reveal(recipient.siteId(), recipient.staffId(), "phone"), text);
        } else {
            sms.log(recipient.name(), staff.get(recipient.siteId(), recipient.staffId()).phoneMasked(), text);
        }
    }
}
