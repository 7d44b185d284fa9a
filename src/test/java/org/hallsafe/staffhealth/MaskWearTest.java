package org.hallsafe.staffhealth;

import java.time.Duration;
import java.time.Instant;

import org.hallsafe.staffhealth.StaffHealth.MaskState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** R-PPE-1 as a pure rule (issue 13, item 2): when a mask is due for change, and whether it was changed in time. */
class MaskWearTest {

    private static final MaskWear PLAN = new MaskWear(Duration.ofHours(3), Duration.ofMinutes(15));
    private static final Instant ON = Instant.parse("2026-12-07T00:30:00Z");

    @Test
    void r13_2_rPpe1_aDisposableMaskIsWornForThreeHoursThenDueThenOverdue() {
        assertThat(PLAN.state("DISPOSABLE_MEDICAL", ON, ON.plus(Duration.ofMinutes(179)))).isEqualTo(MaskState.WORN);
        assertThat(PLAN.state("DISPOSABLE_MEDICAL", ON, ON.plus(Duration.ofHours(3)))).isEqualTo(MaskState.CHANGE_DUE);
        assertThat(PLAN.state("DISPOSABLE_MEDICAL", ON, ON.plus(Duration.ofMinutes(195)))).isEqualTo(MaskState.CHANGE_DUE);
        assertThat(PLAN.state("DISPOSABLE_MEDICAL", ON, ON.plus(Duration.ofMinutes(196)))).isEqualTo(MaskState.OVERDUE);
    }

    @Test
    void r13_2_rPpe1_anN95IsNotTimedAndNoMaskIsNone() {
        assertThat(PLAN.state("N95_KN95", ON, ON.plus(Duration.ofHours(8)))).isEqualTo(MaskState.WORN);
        assertThat(PLAN.state(null, null, ON)).isEqualTo(MaskState.NONE);
    }

    @Test
    void r13_2_rPpe1_aChangeCountsInTimeUntilTheGraceHasPassed() {
        assertThat(PLAN.changedInTime(ON, ON.plus(Duration.ofMinutes(195)))).isTrue();
        assertThat(PLAN.changedInTime(ON, ON.plus(Duration.ofMinutes(196)))).isFalse();
        assertThat(MaskWear.timed("DISPOSABLE_MEDICAL")).isTrue();
        assertThat(MaskWear.timed("N95_KN95")).isFalse();
    }
}
