package org.hallsafe.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rate limits on anonymous requests (issue 12): token buckets of Bucket4j kept in PostgreSQL
 * ({@code rate_limit_buckets}), so every node counts against the same bucket. A key (phone, document number, booking
 * code, user name, client address) is stored only as a keyed hash. Call it outside a transaction: it takes its own
 * connection for a moment.
 */
@Component
public class RateLimits {

    /** What is limited, and by which key; the values come from {@link RateLimitProperties}. */
    public enum Kind {
        SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, BOOKING_PHONE, BOOKING_DOCUMENT, BOOKING_ADDRESS, SMS_PHONE, SMS_ADDRESS,
        LOOKUP_ADDRESS, LOOKUP_CODE, CODE_FAILURES,
        /** Public notice pages, feed, fragment and pictures (issue 15), per client address. */
        PUBLIC_READ_ADDRESS;

        boolean byAddress() {
            return name().endsWith("_ADDRESS");
        }
    }

    private final RateLimitProperties properties;
    private final PersonalData personalData;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimits(RateLimitProperties properties, PersonalData personalData, DataSource dataSource) {
        this.properties = properties;
        this.personalData = personalData;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one request from the bucket of the key, or refuses with the time until one is free again. */
    public void consume(Kind kind, String key) {
        if (skipped(kind, key)) {
            return;
        }
        ConsumptionProbe probe = bucket(kind, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** {@link #consume} with the client's address as the key. */
    public void consume(Kind kind, HttpServletRequest request) {
        consume(kind, address(request));
    }

    /** Refuses when the bucket is empty, without taking from it: for limits that count only failures. */
    public void checkNotExhausted(Kind kind, String key) {
        if (skipped(kind, key)) {
            return;
        }
        EstimationProbe probe = bucket(kind, key).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Counts one failure against the key, even past the limit (so a burst of failures waits longer). */
    public void recordFailure(Kind kind, String key) {
        if (!skipped(kind, key)) {
            bucket(kind, key).consumeIgnoringRateLimits(1);
        }
    }

    /** The client's address as the server sees it (behind a proxy: set {@code server.forward-headers-strategy}). */
    public static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** The limit in force for a kind, read at every call. */
    public RateLimitProperties.Limit limit(Kind kind) {
        return switch (kind) {
            case SIGN_IN_ACCOUNT -> properties.signInAccount();
            case SIGN_IN_ADDRESS -> properties.signInAddress();
            case BOOKING_PHONE -> properties.bookingPhone();
            case BOOKING_DOCUMENT -> properties.bookingDocument();
            case BOOKING_ADDRESS -> properties.bookingAddress();
            case SMS_PHONE -> properties.smsPhone();
            case SMS_ADDRESS -> properties.smsAddress();
            case LOOKUP_ADDRESS -> properties.lookupAddress();
            case LOOKUP_CODE -> properties.lookupCode();
            case CODE_FAILURES -> properties.codeFailures();
            case PUBLIC_READ_ADDRESS -> properties.publicReadAddress();
        };
    }

    /** Deletes buckets that are full again: they hold nothing a new bucket would not. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void removeExpired() {
        while (buckets.removeExpired(1000) == 1000) {
            // more to delete
        }
    }

    private boolean skipped(Kind kind, String key) {
        return !properties.enabled() || key == null
                || kind.byAddress() && properties.exemptAddresses().contains(key);
    }

    private io.github.bucket4j.distributed.BucketProxy bucket(Kind kind, String key) {
        RateLimitProperties.Limit limit = limit(kind);
        // the limit is part of the id: a changed setting starts fresh buckets instead of keeping the old ones' shape
        String id = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + limit + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        Arrays.copyOf(personalData.lookupHash("rate-limit:" + kind + ":" + key), 16));
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.count()).refillGreedy(limit.count(), limit.period())).build();
        return buckets.builder().build(id, () -> configuration);
    }
}
