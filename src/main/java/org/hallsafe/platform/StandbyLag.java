package org.hallsafe.platform;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far a standby is behind, in time, from the primary's WAL positions sampled at each check (a rule: no database,
 * no clock of its own). The standby has replayed up to position {@code replayed}; the earliest sample the primary had
 * beyond it says since when the standby lacks something: the lag is the time since that sample. A standby that holds
 * every sample is not behind, however long ago the primary last wrote (unlike {@code pg_last_xact_replay_timestamp},
 * which grows on an idle primary). Samples older than the window are dropped: a standby behind all of them lags at
 * least the window.
 */
final class StandbyLag {

    private record Sample(long nanos, long lsn) {
    }

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    StandbyLag(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** The primary was at {@code lsn} at {@code nanos} (ascending). */
    void primaryAt(long nanos, long lsn) {
        samples.addLast(new Sample(nanos, lsn));
        while (samples.size() > 1 && nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** Nanoseconds the standby, replayed up to {@code replayed}, is behind at {@code now}; 0 when it holds all. */
    long lagNanos(long now, long replayed) {
        for (Sample s : samples) {
            if (s.lsn() > replayed) {
                return Math.max(0, now - s.nanos());
            }
        }
        return 0;
    }

    /** PostgreSQL's text form of a WAL position, {@code 16/B374D848}, as a number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return Long.parseLong(text.substring(0, slash), 16) << 32 | Long.parseLong(text.substring(slash + 1), 16);
    }
}
