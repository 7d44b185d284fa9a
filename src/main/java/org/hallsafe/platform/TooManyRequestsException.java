package org.hallsafe.platform;

import java.time.Duration;

/**
 * A rate limit refused the request: answered 429 with {@code Retry-After}; pages show "操作太频繁，请 N 分钟后再试"
 * beside the form, the API a problem detail.
 */
public class TooManyRequestsException extends RuntimeException {

    /** The message key of the refusal; its argument is {@link #minutes()}. */
    public static final String MESSAGE_KEY = "rateLimit.wait";

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super("rate limit: retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one: the {@code Retry-After} header. */
    public long seconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes, at least one: what the message tells a person. */
    public long minutes() {
        return Math.max(1, (seconds() + 59) / 60);
    }

    /** Sets the status and the header on a response the caller then fills. */
    public void applyTo(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds()));
    }
}
