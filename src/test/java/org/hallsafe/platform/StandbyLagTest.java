package org.hallsafe.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18, item 3: how far behind a standby is, from the primary's sampled WAL positions. */
class StandbyLagTest {

    private static final long S = 1_000_000_000L;

    @Test
    void r18_3_aStandbyThatHoldsEverySampleIsNotBehind_evenWhenThePrimaryIsIdle() {
        StandbyLag lag = new StandbyLag(12 * S);
        lag.primaryAt(0, 100);
        lag.primaryAt(1 * S, 100);
        lag.primaryAt(60 * S, 100);
        assertThat(lag.lagNanos(61 * S, 100)).isZero();
    }

    @Test
    void r18_3_theLagIsTheTimeSinceTheFirstPositionTheStandbyLacks() {
        StandbyLag lag = new StandbyLag(12 * S);
        lag.primaryAt(0, 100);
        lag.primaryAt(1 * S, 200);
        lag.primaryAt(2 * S, 300);
        lag.primaryAt(3 * S, 400);
        assertThat(lag.lagNanos(3 * S, 400)).isZero();
        assertThat(lag.lagNanos(3 * S, 350)).isEqualTo(0);
        assertThat(lag.lagNanos(3 * S, 250)).isEqualTo(1 * S);
        assertThat(lag.lagNanos(3 * S, 150)).isEqualTo(2 * S);
    }

    @Test
    void r18_3_aStandbyBehindEveryKeptSampleLagsAtLeastTheWindow() {
        StandbyLag lag = new StandbyLag(5 * S);
        for (long t = 0; t <= 20; t++) {
            lag.primaryAt(t * S, 1000 + t);
        }
        // only the last 5 s are kept: a standby still at position 1000 is at least that far behind
        assertThat(lag.lagNanos(20 * S, 1000)).isGreaterThanOrEqualTo(5 * S);
    }

    @Test
    void r18_3_readsPostgresWalPositions() {
        assertThat(StandbyLag.lsn("0/3000060")).isEqualTo(0x3000060L);
        assertThat(StandbyLag.lsn("16/B374D848")).isEqualTo(0x16L << 32 | 0xB374D848L);
    }
}
