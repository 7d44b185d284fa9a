package org.hallsafe.tracing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.tracing.ContactRules.Found;
import org.hallsafe.tracing.ContactRules.Interval;
import org.hallsafe.tracing.ContactRules.Leaving;
import org.hallsafe.tracing.Traces.By;
import org.hallsafe.tracing.Traces.ContactKind;
import org.hallsafe.tracing.Traces.LeftBasis;
import org.hallsafe.tracing.Traces.PersonKind;
import org.hallsafe.tracing.Traces.TraceRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17: the pure rules of a trace, overlap, leaving estimate, ranking and the request's check. */
class ContactRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Duration HOUR = Duration.ofMinutes(60);

    private static Instant at(String time) {
        return at(DAY, time);
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    private static Interval stay(String from, String to) {
        return new Interval(at(from), at(to));
    }

    @Test
    void r17_3_touchingIntervalsShareNoTimeAndAreNotAContact() {
        assertThat(stay("09:00", "10:00").overlap(stay("10:00", "11:00"))).isEmpty();
        assertThat(stay("10:00", "11:00").overlap(stay("09:00", "10:00"))).isEmpty();
        assertThat(stay("09:00", "10:00").overlap(stay("10:01", "11:00"))).isEmpty();
    }

    @Test
    void r17_3_theOverlapIsCountedInMinutesAStartedMinuteCounting() {
        Interval together = stay("09:00", "10:00").overlap(stay("09:35", "11:00")).orElseThrow();
        assertThat(together).isEqualTo(stay("09:35", "10:00"));
        assertThat(together.minutes()).isEqualTo(25);
        assertThat(stay("09:00", "12:00").overlap(stay("10:00", "10:20")).orElseThrow().minutes()).as("inside").isEqualTo(20);
        assertThat(new Interval(at("09:00"), at("09:00").plusSeconds(30)).minutes()).isEqualTo(1);
    }

    @Test
    void r17_3_anOverlapAcrossMidnightIsOneInterval() {
        Interval late = new Interval(at(DAY, "23:30"), at(DAY.plusDays(1), "00:40"));
        Interval other = new Interval(at(DAY.plusDays(1), "00:00"), at(DAY.plusDays(1), "01:00"));
        assertThat(late.overlap(other).orElseThrow().minutes()).isEqualTo(40);
        Leaving left = ContactRules.leaving(at(DAY, "23:30"), null, null, null, HOUR);
        assertThat(left).isEqualTo(new Leaving(at(DAY.plusDays(1), "00:30"), LeftBasis.DEFAULT_STAY));
        assertThat(new Interval(at(DAY, "23:30"), left.at()).overlap(other).orElseThrow().minutes()).isEqualTo(30);
    }

    @Test
    void r17_2_theExitScanWinsOverEveryEstimate() {
        assertThat(ContactRules.leaving(at("09:00"), at("09:12"), at("09:30"), at("09:40"), HOUR))
                .isEqualTo(new Leaving(at("09:12"), LeftBasis.SCANNED));
        assertThat(LeftBasis.SCANNED.estimated()).isFalse();
    }

    @Test
    void r17_2_withoutAScanTheLaterOfTheSlotEndAndTheServedTimeIsAnEstimate() {
        assertThat(ContactRules.leaving(at("09:00"), null, at("09:30"), at("09:20"), HOUR))
                .isEqualTo(new Leaving(at("09:30"), LeftBasis.SLOT));
        assertThat(ContactRules.leaving(at("09:00"), null, at("09:30"), at("09:50"), HOUR))
                .as("still at the window after the slot").isEqualTo(new Leaving(at("09:50"), LeftBasis.DONE));
        assertThat(ContactRules.leaving(at("09:00"), null, null, at("09:50"), HOUR))
                .isEqualTo(new Leaving(at("09:50"), LeftBasis.DONE));
        assertThat(ContactRules.leaving(at("10:00"), null, at("09:30"), null, HOUR))
                .as("a slot that ended before they came says nothing").isEqualTo(new Leaving(at("11:00"), LeftBasis.DEFAULT_STAY));
        assertThat(ContactRules.leaving(at("09:00"), null, null, null, Duration.ofMinutes(45)))
                .as("the hall's own default stay").isEqualTo(new Leaving(at("09:45"), LeftBasis.DEFAULT_STAY));
        assertThat(LeftBasis.SLOT.estimated()).isTrue();
    }

    private static Found found(String key, ContactKind kind, Interval when, boolean estimated) {
        return new Found(key, kind, PersonKind.CITIZEN, null, key, null, null, when, when.minutes(), estimated,
                "tracing.why.visitor", List.of());
    }

    @Test
    void r17_3_theRankingWeighsCloseContactsMergesAPersonsVisitsAndPutsExactFirst() {
        List<Found> ranked = ContactRules.rank(List.of(
                found("visitor-long", ContactKind.VISITOR, stay("09:00", "09:50"), false),   // 50
                found("served", ContactKind.SERVED_BY, stay("09:10", "09:25"), false),       // 15 x 4 = 60
                found("screener", ContactKind.SCREENER, stay("09:00", "09:01"), true),       // 1 x 2 = 2
                found("twice", ContactKind.VISITOR, stay("09:00", "09:20"), true),           // 20 ...
                found("twice", ContactKind.VISITOR, stay("14:00", "14:20"), false),          // ... + 20 = 40, estimated
                found("exact40", ContactKind.VISITOR, stay("10:00", "10:40"), false)));      // 40, exact
        assertThat(ranked).extracting(Found::key)
                .containsExactly("served", "visitor-long", "exact40", "twice", "screener");
        Found twice = ranked.get(3);
        assertThat(twice.minutes()).isEqualTo(40);
        assertThat(twice.when()).isEqualTo(stay("09:00", "14:20"));
        assertThat(twice.estimated()).isTrue();
    }

    @Test
    void r17_3_aSharedMealIsTheOverlapOfTwoHalfHourSittings() {
        assertThat(ContactRules.sharedMeal(at("12:00"), at("12:10")).minutes()).isEqualTo(20);
        assertThat(ContactRules.sharedMeal(at("12:00"), at("12:45")).minutes()).isZero();
    }

    @Test
    void r17_1_theReasonIsRequiredAndThePeriodIsTheLastFourteenDaysByDefault() {
        TraceRun.Checked c = TraceChecks.check(new TraceRequest(By.DOCUMENT, DocumentType.PASSPORT, " e1234567 ", null,
                null, null, null, "  通报阳性 "), DAY);
        assertThat(c.from()).isEqualTo(DAY.minusDays(13));
        assertThat(c.to()).isEqualTo(DAY);
        assertThat(c.docNo()).isEqualTo("E1234567");
        assertThat(c.reason()).isEqualTo("通报阳性");
        assertThatThrownBy(() -> TraceChecks.check(new TraceRequest(By.DOCUMENT, DocumentType.PASSPORT, "E1234567", null,
                null, null, null, "\u3000 "), DAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("reason"));
        assertThatThrownBy(() -> TraceChecks.check(new TraceRequest(By.PHONE, null, null, "12345", null, DAY,
                DAY.minusDays(1), "x".repeat(501)), DAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsEntry("phone", "tracing.phone.invalid").containsEntry("from", "tracing.period.order")
                        .containsEntry("reason", "validation.tooLong"));
        assertThatThrownBy(() -> TraceChecks.check(new TraceRequest(null, null, null, null, null, null, null, "x"), DAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("by", "tracing.by.required"));
    }
}
