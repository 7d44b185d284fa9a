package org.hallsafe.platform;

import java.time.Instant;

/**
 * Something a person did or tried: a sign-in, a change, a read of personal data. The audit module keeps every one.
 *
 * @param siteId the hall it happened in, {@code null} for the whole installation
 * @param actor user name, or what was typed at a failed sign-in
 * @param action upper-case verb, e.g. {@code SIGN_IN_FAILED}, {@code STAFF_CREATED}, {@code PERSONAL_DATA_READ}
 * @param address the client's IP address, empty outside a request
 */
public record ActivityRecorded(Long siteId, Instant occurredAt, String actor, String action, String targetType,
        String targetId, String summary, String address) {
}
