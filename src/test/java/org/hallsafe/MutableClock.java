package org.hallsafe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The tests' clock: deadlines, lock-outs and schedules are tested by moving it, never by sleeping. Every test of
 * {@link HallSafeTest} starts at the real now ({@link Reset}), whatever the test before it set.
 */
public class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** The real now; PostgreSQL keeps microseconds, so a clock that ticks in them compares equal after a round trip. */
    public static Instant realNow() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Back to the real now. */
    public void reset() {
        set(realNow());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Sets the shared context's clock to the real now before each test (and before the test's own {@code @BeforeEach},
     * which may move it): no test inherits the weeks another test moved ahead (issue 13, item 7).
     */
    public static final class Reset implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context).getBean(MutableClock.class).reset();
        }
    }
}
