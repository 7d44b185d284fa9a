package org.hallsafe.incident;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.hallsafe.organization.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * SMS through the hall's gateway ({@code hallsafe.incident.sms-gateway-url}, a JSON POST of phone and text). Without a
 * gateway the message is only logged, with the phone number masked.
 */
@Component
class SmsChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

    private final IncidentProperties properties;
    private final StaffDirectory staff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SmsChannel(IncidentProperties properties, StaffDirectory staff) {
        this.properties = properties;
        this.staff = staff;
    }

    @Override
    public void send(Recipient recipient, IncidentReported incident) {
        String text = (incident.escalated() ? "【HallSafe】逾期未确认，请组长处理：" : "【HallSafe】防控事件：") + incident.title();
        if (properties.smsGatewayUrl().isBlank()) {
            log.info("SMS (no gateway configured) to {} {}: {}", recipient.name(),
                    staff.get(recipient.siteId(), recipient.staffId()).phoneMasked(), text);
            return;
        }
        String phone = staff.reveal(recipient.siteId(), recipient.staffId(), "phone");
        String body = "{\"phone\":\"" + phone + "\",\"text\":\"" + text.replace("\"", "'") + "\"}";
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(properties.smsGatewayUrl()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.warn("SMS gateway answered {} for incident {}", response.statusCode(), incident.incidentId());
            }
        } catch (Exception e) {
            log.warn("SMS gateway not reached for incident {}: {}", incident.incidentId(), e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
