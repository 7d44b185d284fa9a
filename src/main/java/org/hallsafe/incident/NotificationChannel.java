package org.hallsafe.incident;

/**
 * One way of telling a person about an incident: in the app, by SMS, later perhaps WeChat. A real SMS gateway is
 * configuration, not code in the incident module.
 */
interface NotificationChannel {

    /** @param recipient the person, with the account and staff record to reach them through */
    void send(Recipient recipient, IncidentReported incident);

    record Recipient(long siteId, long accountId, long staffId, String name) {
    }
}
