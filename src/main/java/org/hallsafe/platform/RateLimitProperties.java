package org.hallsafe.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Rate limits on everything a person can do without an account, under {@code hallsafe.rate-limit.*}. Each limit is
 * written {@code count/period}, e.g. {@code 10/1h}: at most {@code count} requests in {@code period}, refilled evenly.
 * The buckets live in PostgreSQL, so the limits hold across nodes. The README lists them.
 *
 * @param enabled switch every limit off (only for a closed test network)
 * @param exemptAddresses client addresses that the per-address limits skip, e.g. the hall's own booking kiosk behind
 *     one address; the per-phone, per-document, per-code and per-account limits still apply to them
 * @param signInAccount sign-in attempts per user name (form and HTTP Basic failures)
 * @param signInAddress sign-in attempts per client address
 * @param bookingPhone public booking attempts per phone number
 * @param bookingDocument public booking attempts per document number
 * @param bookingAddress public booking attempts per client address
 * @param smsPhone SMS verification codes sent per phone number
 * @param smsAddress SMS verification codes requested per client address
 * @param lookupAddress booking look-ups, cancellations and moves per client address
 * @param lookupCode look-ups, cancellations and moves per booking code
 * @param codeFailures wrong phone numbers given with one booking code before the code is locked for the rest of the
 *     period
 * @param publicReadAddress reads of the public notice pages, Atom feed, embeddable fragment and pictures per client
 *     address (issue 15)
 */
@ConfigurationProperties("hallsafe.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") List<String> exemptAddresses,
        @DefaultValue("10/15m") Limit signInAccount,
        @DefaultValue("30/15m") Limit signInAddress,
        @DefaultValue("10/1h") Limit bookingPhone,
        @DefaultValue("10/1h") Limit bookingDocument,
        @DefaultValue("60/1h") Limit bookingAddress,
        @DefaultValue("5/1h") Limit smsPhone,
        @DefaultValue("20/1h") Limit smsAddress,
        @DefaultValue("30/1h") Limit lookupAddress,
        @DefaultValue("20/1h") Limit lookupCode,
        @DefaultValue("5/24h") Limit codeFailures,
        @DefaultValue("600/10m") Limit publicReadAddress) {

    /** At most {@code count} in {@code period}. */
    public record Limit(long count, Duration period) {

        public Limit {
            if (count < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit is count/period, both above zero: " + count + "/" + period);
            }
        }

        /** Reads {@code 10/1h}; the property binder calls this. */
        public static Limit valueOf(String text) {
            String[] parts = text.strip().split("/", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a rate limit is written count/period, e.g. 10/1h: " + text);
            }
            return new Limit(Long.parseLong(parts[0].strip()), DurationStyle.detectAndParse(parts[1].strip()));
        }

        @Override
        public String toString() {
            return count + "/" + period;
        }
    }
}
