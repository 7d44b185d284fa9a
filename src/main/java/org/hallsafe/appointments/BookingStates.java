package org.hallsafe.appointments;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.appointments.AppointmentForms.Status;

/**
 * Where a booking may go from where it stands: the one table of booking status transitions. The services ask it
 * before they change a booking, and their conditional UPDATEs take their {@code status IN (…)} from it, so what the
 * database lets through under concurrency is what the table says. Pure: no Spring, no database.
 *
 * <pre>
 * BOOKED  → CANCELLED (the citizen cancels), ARRIVED (admitted at the gate), REFUSED (refused at the gate),
 *           NO_SHOW (the slot and its grace passed), BOOKED (moved to another slot)
 * ARRIVED → CALLED (a window calls the person)
 * CALLED  → DONE (served)
 * CANCELLED, DONE, NO_SHOW, REFUSED: final
 * </pre>
 */
final class BookingStates {

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.BOOKED, EnumSet.of(Status.CANCELLED, Status.ARRIVED, Status.REFUSED, Status.NO_SHOW, Status.BOOKED),
            Status.ARRIVED, EnumSet.of(Status.CALLED),
            Status.CALLED, EnumSet.of(Status.DONE),
            Status.CANCELLED, EnumSet.noneOf(Status.class),
            Status.DONE, EnumSet.noneOf(Status.class),
            Status.NO_SHOW, EnumSet.noneOf(Status.class),
            Status.REFUSED, EnumSet.noneOf(Status.class));

    private BookingStates() {
    }

    /** True when a booking that stands at {@code from} may be moved to {@code to}. */
    static boolean allows(Status from, Status to) {
        return from != null && to != null && NEXT.get(from).contains(to);
    }

    /** The states a booking may reach {@code to} from. */
    static Set<Status> sources(Status to) {
        Set<Status> from = EnumSet.noneOf(Status.class);
        NEXT.forEach((f, next) -> {
            if (next.contains(to)) {
                from.add(f);
            }
        });
        return from;
    }

    /** True while a booking still holds its person's place: not yet at an end. */
    static boolean open(Status status) {
        return !NEXT.get(status).isEmpty();
    }

    /** The open states: what a person may hold one of per item. */
    static Set<Status> openStates() {
        return EnumSet.copyOf(EnumSet.allOf(Status.class).stream().filter(BookingStates::open).collect(Collectors.toSet()));
    }

    /** The states that count against a person's bookings of a day: the open ones and the served. */
    static Set<Status> countedStates() {
        Set<Status> counted = openStates();
        counted.add(Status.DONE);
        return counted;
    }

    /** A state set as SQL: {@code 'BOOKED','ARRIVED'}, for {@code status IN (…)}. Enum names only, never input. */
    static String sql(Set<Status> states) {
        return states.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(","));
    }

    /** The states {@code to} may be reached from, as SQL. */
    static String sqlSources(Status to) {
        return sql(sources(to));
    }
}
