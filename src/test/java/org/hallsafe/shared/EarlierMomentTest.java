package org.hallsafe.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, item 6 (R-REQ-3): the one rule for a record about an earlier moment, without Spring or a database. */
class EarlierMomentTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = LocalDate.of(2026, 12, 2).atTime(15, 0).atZone(ZONE).toInstant();
    private static final Duration WINDOW = Duration.ofMinutes(30);

    @Test
    void r16_6_rReq3_withinTheWindowTheGivenMomentIsKeptAndIsNoBackfill() {
        EarlierMoment.Verdict v = EarlierMoment.judge(NOW.minusSeconds(20 * 60), NOW, WINDOW, null, false);
        assertThat(v.refused()).isFalse();
        assertThat(v.backfilled()).isFalse();
        assertThat(v.at()).isEqualTo(NOW.minusSeconds(20 * 60));
        assertThat(EarlierMoment.judge(null, NOW, WINDOW, null, false).at()).as("empty is now").isEqualTo(NOW);
    }

    @Test
    void r16_6_rReq3_beyondTheWindowItIsABackfillThatNeedsAReasonAndThePermission() {
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        assertThat(EarlierMoment.judge(twoDaysAgo, NOW, WINDOW, " ", true).problem()).isEqualTo("record.backfill.reason");
        assertThat(EarlierMoment.judge(twoDaysAgo, NOW, WINDOW, "纸质台账补录", false).problem())
                .isEqualTo("record.backfill.permission");
        EarlierMoment.Verdict v = EarlierMoment.judge(twoDaysAgo, NOW, WINDOW, " 纸质台账补录 ", true);
        assertThat(v.refused()).isFalse();
        assertThat(v.backfilled()).isTrue();
        assertThat(v.reason()).isEqualTo("纸质台账补录");
        assertThat(v.at()).isEqualTo(twoDaysAgo);
        assertThat(EarlierMoment.judge(NOW.minusSeconds(31 * 60), NOW, WINDOW, null, true).problem())
                .as("31 minutes back with a 30-minute window").isEqualTo("record.backfill.reason");
        assertThat(EarlierMoment.judge(NOW.minusSeconds(31 * 60), NOW, Duration.ofMinutes(60), null, false).refused())
                .as("the hall's own window").isFalse();
    }

    @Test
    void r16_6_rReq3_aMomentInTheFutureIsRefusedEvenWithAReason() {
        assertThat(EarlierMoment.judge(NOW.plusSeconds(600), NOW, WINDOW, "提前登记", true).problem())
                .isEqualTo("record.time.future");
        assertThat(EarlierMoment.judge(NOW.plusSeconds(30), NOW, WINDOW, null, false).at())
                .as("a phone's clock a few seconds ahead is now").isEqualTo(NOW);
    }

    @Test
    void r16_6_rReq3_aDayIsTodayOrABackfillCountedFromTheEndOfTheDay() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertThat(EarlierMoment.judgeDay(today, NOW, ZONE, WINDOW, null, false).backfilled()).isFalse();
        assertThat(EarlierMoment.judgeDay(today.minusDays(3), NOW, ZONE, WINDOW, null, true).problem())
                .isEqualTo("record.backfill.reason");
        assertThat(EarlierMoment.judgeDay(today.minusDays(3), NOW, ZONE, WINDOW, "供货单后补", true).backfilled()).isTrue();
        assertThat(EarlierMoment.judgeDay(today.plusDays(1), NOW, ZONE, WINDOW, null, true).problem())
                .isEqualTo("record.time.future");
        Instant justAfterMidnight = today.atTime(0, 10).atZone(ZONE).toInstant();
        assertThat(EarlierMoment.judgeDay(today.minusDays(1), justAfterMidnight, ZONE, WINDOW, null, false).refused())
                .as("yesterday's delivery typed ten minutes after midnight").isFalse();
    }
}
