package org.hallsafe.agency;

import java.util.EnumSet;
import java.util.Optional;

import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.agency.CaseStates.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: the state table of an agency case, a pure rule. */
class CaseStatesTest {

    @Test
    void r14_1_aCaseGoesFromApplicationToResultSent() {
        State s = State.APPLIED;
        for (Action a : new Action[] {Action.ACCEPT, Action.FINISH, Action.SEND}) {
            s = CaseStates.next(s, a).orElseThrow();
        }
        assertThat(s).isEqualTo(State.SENT);
        assertThat(CaseStates.closed(s)).isTrue();
    }

    @Test
    void r14_2_aOneTimeNoticePausesAndTheCaseIsAcceptedWhenCorrected() {
        assertThat(CaseStates.next(State.APPLIED, Action.ASK_SUPPLEMENT)).contains(State.SUPPLEMENT);
        assertThat(CaseStates.next(State.ACCEPTED, Action.ASK_SUPPLEMENT)).contains(State.SUPPLEMENT);
        assertThat(CaseStates.next(State.SUPPLEMENT, Action.ACCEPT)).contains(State.ACCEPTED);
        assertThat(CaseStates.clockRuns(State.SUPPLEMENT)).isFalse();
        assertThat(CaseStates.clockRuns(State.ACCEPTED)).isTrue();
        assertThat(CaseStates.clockRuns(State.APPLIED)).isFalse();
    }

    @Test
    void r14_1_noStepIsSkippedAndNothingFollowsTheEnd() {
        assertThat(CaseStates.next(State.APPLIED, Action.FINISH)).isEmpty();
        assertThat(CaseStates.next(State.APPLIED, Action.SEND)).isEmpty();
        assertThat(CaseStates.next(State.SUPPLEMENT, Action.FINISH)).isEmpty();
        assertThat(CaseStates.next(State.ACCEPTED, Action.ACCEPT)).isEmpty();
        assertThat(CaseStates.next(State.DONE, Action.WITHDRAW)).isEmpty();
        for (Action a : Action.values()) {
            assertThat(CaseStates.next(State.SENT, a)).isEmpty();
            assertThat(CaseStates.next(State.WITHDRAWN, a)).isEmpty();
        }
    }

    @Test
    void r14_1_aCaseIsWithdrawnOnlyBeforeItIsDone() {
        EnumSet<State> withdrawable = EnumSet.noneOf(State.class);
        for (State s : State.values()) {
            Optional<State> next = CaseStates.next(s, Action.WITHDRAW);
            next.ifPresent(n -> assertThat(n).isEqualTo(State.WITHDRAWN));
            if (next.isPresent()) {
                withdrawable.add(s);
            }
        }
        assertThat(withdrawable).containsExactlyInAnyOrder(State.APPLIED, State.SUPPLEMENT, State.ACCEPTED);
    }
}
