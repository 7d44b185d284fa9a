package org.hallsafe.agency;

import java.util.Map;
import java.util.Optional;

import org.hallsafe.agency.AgencyCases.State;

/**
 * The state table of an agency case, a pure rule: which action moves a case from which state to which. Every change
 * of {@code agency_cases.state} asks here first and updates with {@code WHERE state = :from}, so a doubled click
 * changes nothing.
 */
final class CaseStates {

    /** What happens to a case. */
    enum Action {
        /** The materials are complete: 受理, the clock starts (or runs again after a correction). */
        ACCEPT,
        /** A one-time notice (一次性告知) was sent: the clock stands still until the materials are complete. */
        ASK_SUPPLEMENT,
        /** The result is ready: 办结, on time or late. */
        FINISH,
        /** The result went into the post. */
        SEND,
        /** The citizen or staff withdrew the case, with a reason. */
        WITHDRAW
    }

    private static final Map<State, Map<Action, State>> TABLE = Map.of(
            State.APPLIED, Map.of(Action.ACCEPT, State.ACCEPTED, Action.ASK_SUPPLEMENT, State.SUPPLEMENT,
                    Action.WITHDRAW, State.WITHDRAWN),
            State.SUPPLEMENT, Map.of(Action.ACCEPT, State.ACCEPTED, Action.WITHDRAW, State.WITHDRAWN),
            State.ACCEPTED, Map.of(Action.ASK_SUPPLEMENT, State.SUPPLEMENT, Action.FINISH, State.DONE,
                    Action.WITHDRAW, State.WITHDRAWN),
            State.DONE, Map.of(Action.SEND, State.SENT),
            State.SENT, Map.of(),
            State.WITHDRAWN, Map.of());

    private CaseStates() {
    }

    /** The state after the action, or empty when the action is not allowed in that state. */
    static Optional<State> next(State from, Action action) {
        return Optional.ofNullable(TABLE.get(from).get(action));
    }

    /** Whether the case is finished with (sent or withdrawn): nothing more happens to it. */
    static boolean closed(State state) {
        return TABLE.get(state).isEmpty();
    }

    /** Whether the case's clock runs in this state. */
    static boolean clockRuns(State state) {
        return state == State.ACCEPTED;
    }
}
