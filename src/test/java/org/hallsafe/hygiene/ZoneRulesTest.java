package org.hallsafe.hygiene;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hallsafe.hygiene.Hygiene.State;
import org.hallsafe.hygiene.Hygiene.Zone;
import org.hallsafe.hygiene.Hygiene.ZoneNow;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** R-DIS-1, R-DIS-2 as a pure rule (issue 13, item 2): due, overdue and done, and no blind spot on a closed day. */
class ZoneRulesTest {

    private static final Instant NINE = Instant.parse("2026-12-07T01:00:00Z");

    private static Instant plus(int minutes) {
        return NINE.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void r13_2_rDis1_aZoneIsDoneWithinItsIntervalDueAfterItAndOverdueHalfAnHourLater() {
        Instant due = ZoneRules.dueAt(NINE, 240);
        assertThat(due).isEqualTo(plus(240));
        assertThat(ZoneRules.state(due, plus(239))).isEqualTo(State.OK);
        assertThat(ZoneRules.state(due, plus(240))).isEqualTo(State.DUE);
        assertThat(ZoneRules.state(due, plus(270))).isEqualTo(State.DUE);
        assertThat(ZoneRules.state(due, plus(271))).isEqualTo(State.OVERDUE);
    }

    @Test
    void r13_2_rDis1_aZoneNeverDisinfectedIsOverdue() {
        assertThat(ZoneRules.dueAt(null, 240)).isNull();
        assertThat(ZoneRules.state(null, NINE)).isEqualTo(State.OVERDUE);
    }

    @Test
    void r13_2_rDis1_airingOnlyForZonesWithAnAiringPlan() {
        assertThat(ZoneRules.airing(null, null, NINE)).isEqualTo(State.OK);
        assertThat(ZoneRules.airing(null, 120, NINE)).isEqualTo(State.OVERDUE);
        assertThat(ZoneRules.airing(NINE, 120, plus(60))).isEqualTo(State.OK);
        assertThat(ZoneRules.airing(NINE, 120, plus(130))).isEqualTo(State.DUE);
    }

    @Test
    void r13_2_rDis2_aClosedDayHasNoBlindSpotsAnOpenDayHasTheZonesLeftUndone() {
        List<Long> zones = List.of(1L, 2L, 3L);
        assertThat(ZoneRules.blindSpots(true, zones, Long::longValue, Set.of(2L))).containsExactly(1L, 3L);
        assertThat(ZoneRules.blindSpots(false, zones, Long::longValue, Set.of())).isEmpty();
    }

    @Test
    void r13_2_rDis1_theMostUrgentZoneComesFirst() {
        List<ZoneNow> zones = new ArrayList<>(List.of(now("ok", NINE, State.OK), now("due", plus(-300), State.DUE),
                now("never", null, State.OVERDUE), now("overdue", plus(-400), State.OVERDUE)));
        zones.sort(ZoneRules.URGENT_FIRST);
        assertThat(zones).extracting(z -> z.zone().name()).containsExactly("never", "overdue", "due", "ok");
    }

    private static ZoneNow now(String name, Instant last, State state) {
        Zone zone = new Zone(1, name, ZoneType.OFFICE, null, null, List.of(Method.MOP_84), 500, 240, null);
        return new ZoneNow(zone, last, state, null, List.of(), null, State.OK);
    }
}
