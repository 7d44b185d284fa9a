package org.hallsafe.hygiene;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.hallsafe.hygiene.Hygiene.State;
import org.hallsafe.hygiene.Hygiene.ZoneNow;

/**
 * How a zone stands (R-DIS-1, R-DIS-2): disinfected within its interval is done (OK), due when the interval has passed,
 * overdue half an hour later or when it was never disinfected; airing the same with the zone's airing interval. On a
 * day the hall is closed nothing is owed, so no zone is a blind spot. Pure: no Spring, no database.
 */
final class ZoneRules {

    private ZoneRules() {
    }

    /** How long after it falls due a zone is still only due. */
    static final Duration GRACE = Duration.ofMinutes(30);

    /** When a zone disinfected at {@code last} is due again; null when it never was. */
    static Instant dueAt(Instant last, int intervalMinutes) {
        return last == null ? null : last.plus(Duration.ofMinutes(intervalMinutes));
    }

    /** A zone's state at {@code now}, given when it falls due (null: never done, so overdue). */
    static State state(Instant due, Instant now) {
        if (due == null || now.isAfter(due.plus(GRACE))) {
            return State.OVERDUE;
        }
        return now.isBefore(due) ? State.OK : State.DUE;
    }

    /** Airing: OK for a zone without an airing plan, else as disinfection with its airing interval. */
    static State airing(Instant lastAired, Integer ventilationMinutes, Instant now) {
        return ventilationMinutes == null ? State.OK : state(dueAt(lastAired, ventilationMinutes), now);
    }

    /** The zones of a day that got no disinfection: none when the hall was closed that day. */
    static <Z> List<Z> blindSpots(boolean hallOpen, List<Z> zones, java.util.function.ToLongFunction<Z> id,
            Collection<Long> covered) {
        if (!hallOpen) {
            return List.of();
        }
        return zones.stream().filter(z -> !covered.contains(id.applyAsLong(z))).toList();
    }

    /** The most urgent first: overdue, then due, then the longest since disinfection (never done first). */
    static final Comparator<ZoneNow> URGENT_FIRST = Comparator.comparing((ZoneNow z) -> -z.state().ordinal())
            .thenComparing(z -> z.last() == null ? Instant.MIN : z.last());
}
