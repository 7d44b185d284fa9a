package org.hallsafe.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.tracing.Traces.ContactKind;
import org.hallsafe.tracing.Traces.LeftBasis;
import org.hallsafe.tracing.Traces.PersonKind;

/**
 * The rules of a trace, pure: when a visitor left (scanned, or estimated), whether two stays overlap and for how
 * long, and the order of the contacts. Time is in instants, so a stay across midnight is one interval like any other.
 */
final class ContactRules {

    /** The longest a visitor is taken to stay in the hall: how far before a stay the search for others begins. */
    static final Duration LONGEST_STAY = Duration.ofHours(12);

    /** A sitting at the canteen, from the door: its length is not recorded, so it is taken as half an hour. */
    static final Duration SITTING = Duration.ofMinutes(30);

    /** The screening at the gate, face to face: its length is not recorded, so it is taken as one minute. */
    static final Duration SCREENING = Duration.ofMinutes(1);

    private ContactRules() {
    }

    /** A stay from {@code from} until {@code to} (the end not included). */
    record Interval(Instant from, Instant to) {

        Interval {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("an interval ends after it begins: " + from + " " + to);
            }
        }

        /**
         * The time both were there, or empty when they were not there together: intervals that only touch (one left
         * at 10:00, the other came at 10:00) share no time and are not a contact.
         */
        Optional<Interval> overlap(Interval other) {
            Instant f = from.isAfter(other.from) ? from : other.from;
            Instant t = to.isBefore(other.to) ? to : other.to;
            return f.isBefore(t) ? Optional.of(new Interval(f, t)) : Optional.empty();
        }

        /** Whole minutes, a started minute counting: 30 s together is 1 minute, not 0. */
        int minutes() {
            long seconds = Duration.between(from, to).getSeconds();
            return (int) ((seconds + 59) / 60);
        }
    }

    /** When a visitor left, and what says so. */
    record Leaving(Instant at, LeftBasis basis) {
    }

    /**
     * When a visitor left the hall: the exit scan when there is one; else the later of their slot's end and the
     * window's 办结 (someone still at the window at 办结 had not left at the slot's end, and someone served early
     * still waited out a slot they came for), each only when after the entry; else the entry plus the hall's default
     * stay. Every basis but the scan is an estimate.
     */
    static Leaving leaving(Instant entered, Instant scanned, Instant slotEnd, Instant done, Duration defaultStay) {
        if (scanned != null && !scanned.isBefore(entered)) {
            return new Leaving(scanned, LeftBasis.SCANNED);
        }
        Instant slot = slotEnd != null && slotEnd.isAfter(entered) ? slotEnd : null;
        Instant served = done != null && done.isAfter(entered) ? done : null;
        if (served != null && (slot == null || !served.isBefore(slot))) {
            return new Leaving(served, LeftBasis.DONE);
        }
        if (slot != null) {
            return new Leaving(slot, LeftBasis.SLOT);
        }
        return new Leaving(entered.plus(defaultStay), LeftBasis.DEFAULT_STAY);
    }

    /** The two canteen sittings of the same meal: the time they overlapped, or the other's sitting if they did not. */
    static Interval sharedMeal(Instant mine, Instant theirs) {
        Interval other = new Interval(theirs, theirs.plus(SITTING));
        return new Interval(mine, mine.plus(SITTING)).overlap(other).orElse(new Interval(theirs, theirs));
    }

    /**
     * A contact found, before ranking.
     *
     * @param key who it is (a citizen on file, a staff member, a booking): the rows of one person and kind are merged
     */
    record Found(String key, ContactKind kind, PersonKind personKind, Long staffId, String name, String phoneMasked,
            byte[] phoneCipher, Interval when, int minutes, boolean estimated, String whyKey, List<String> whyArgs) {

        Found merge(Found other) {
            Found main = other.minutes > minutes ? other : this;
            Instant f = when.from().isBefore(other.when.from()) ? when.from() : other.when.from();
            Instant t = when.to().isAfter(other.when.to()) ? when.to() : other.when.to();
            return new Found(key, kind, personKind, staffId, name, phoneMasked, phoneCipher, new Interval(f, t),
                    minutes + other.minutes, estimated || other.estimated, main.whyKey, main.whyArgs);
        }

        /** How much this contact counts: minutes together weighted by how close the kind is. */
        int score() {
            return minutes * weight(kind);
        }
    }

    /**
     * How close a kind of contact is: served face to face across a window or eating unmasked together counts four
     * times a minute in the same hall; the next window and the screener at the door twice.
     */
    static int weight(ContactKind kind) {
        return switch (kind) {
            case SERVED_BY, CANTEEN -> 4;
            case NEIGHBOUR_WINDOW, SCREENER -> 2;
            case VISITOR -> 1;
        };
    }

    /** Highest score first; then exact before estimated, the earlier first, by name. */
    static final Comparator<Found> RANKING = Comparator.comparingInt(Found::score).reversed()
            .thenComparing(Found::estimated).thenComparing(f -> f.when().from()).thenComparing(Found::name);

    /** One row per person and kind (their minutes summed over the visits), ranked. */
    static List<Found> rank(List<Found> found) {
        Map<String, Found> merged = new LinkedHashMap<>();
        for (Found f : found) {
            merged.merge(f.kind() + "/" + f.key(), f, Found::merge);
        }
        List<Found> ranked = new ArrayList<>(merged.values());
        ranked.sort(RANKING);
        return ranked;
    }
}
