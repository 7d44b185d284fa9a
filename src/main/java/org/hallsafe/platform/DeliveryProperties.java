package org.hallsafe.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification outbox under {@code hallsafe.deliveries.*} (issue 19, item 3).
 *
 * @param poll how often each node's worker looks for due deliveries (a new delivery also wakes it after its commit)
 * @param lease how long a claimed delivery belongs to its node; longer than the gateway's connect and answer time-outs
 *     together (5 s + 10 s), or a slow but living node would lose it to another
 * @param senders messages one node sends at the same time (its worker pool)
 * @param maxAttempts tries before a delivery is given up as FAILED
 * @param firstRetry wait after the first failure; doubled after each further one
 * @param maxRetry the longest wait between two tries
 */
@ConfigurationProperties("hallsafe.deliveries")
public record DeliveryProperties(
        @DefaultValue("10s") Duration poll,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("4") int senders,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("10m") Duration maxRetry) {

    public DeliveryProperties {
        if (lease.compareTo(Duration.ofSeconds(20)) < 0) {
            throw new IllegalArgumentException("hallsafe.deliveries.lease is at least 20s (the gateway may take 15 s), not " + lease);
        }
        if (senders < 1 || senders > 64) {
            throw new IllegalArgumentException("hallsafe.deliveries.senders is between 1 and 64, not " + senders);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("hallsafe.deliveries.max-attempts is between 1 and 100, not " + maxAttempts);
        }
    }

    /** The wait before try {@code attempts + 1}, after {@code attempts} failed: first-retry doubled, at most max-retry. */
    Duration backOff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
