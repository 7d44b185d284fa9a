package org.hallsafe.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.hallsafe.organization.WrittenRecords.WrittenRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 6 (R-ORG-2, R-REQ-3): each rule of the formalism check flags what it looks for and does not flag a
 * section that kept its records honestly. Plain JUnit: the rules are pure.
 */
class FormalismRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant CLOSES = at("17:30");

    private static Instant at(String time) {
        return DAY.atTime(java.time.LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    private static WrittenRecord check(String by, Instant entered, Instant about, boolean backfilled, String reading,
            String person) {
        return new WrittenRecord("staffhealth.check", 7L, by, entered, about, backfilled,
                reading == null ? null : new BigDecimal(reading), person, "/staffhealth?dept=7");
    }

    /** An honest day: ten people check themselves at their slots, readings as thermometers give them. */
    private static List<WrittenRecord> honestDay() {
        String[] readings = {"36.2", "36.5", "36.8", "36.4", "36.6", "36.3", "36.9", "36.5", "36.1", "36.7"};
        List<WrittenRecord> records = new ArrayList<>();
        for (int i = 0; i < readings.length; i++) {
            Instant morning = at("08:2" + i % 10);
            records.add(check("staff" + i, morning, morning, false, readings[i], "staff:" + i));
            Instant afternoon = at("14:3" + i % 10);
            records.add(check("staff" + i, afternoon, afternoon, false, readings[(i + 3) % 10], "staff:" + i));
        }
        return records;
    }

    @Test
    void r16_6_anHonestDayEarnsNoFlag() {
        assertThat(FormalismRules.check(honestDay(), CLOSES)).isEmpty();
    }

    @Test
    void r16_6_aHighShareOfBackfillsIsFlaggedAndAFewAreNot() {
        List<WrittenRecord> few = new ArrayList<>(honestDay());
        few.set(0, check("office", at("11:00"), at("08:20"), true, "36.2", "staff:0"));
        assertThat(FormalismRules.backfills(few)).as("one back-fill in twenty").isEmpty();

        List<WrittenRecord> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(check("staff" + i, at("08:3" + i), at("08:3" + i), i < 3, "36." + (2 + i), "staff:" + i));
        }
        assertThat(FormalismRules.backfills(many)).get().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(FormalismRules.Rule.BACKFILLS);
            assertThat(f.detail()).isEqualTo("3/6");
            assertThat(f.records()).hasSize(3).allMatch(WrittenRecord::backfilled);
        });
    }

    @Test
    void r16_6_manyIdenticalTemperaturesAreFlagged() {
        List<WrittenRecord> same = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            same.add(check("staff" + i, at("08:2" + i), at("08:2" + i), false, i < 7 ? "36.5" : "36." + i, "staff:" + i));
        }
        assertThat(FormalismRules.readings(same)).get().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(FormalismRules.Rule.SAME_READINGS);
            assertThat(f.detail()).isEqualTo("7/10 36.5");
            assertThat(f.records()).hasSize(7);
        });
        assertThat(FormalismRules.readings(honestDay())).isEmpty();
    }

    @Test
    void r16_6_aSpreadNoThermometerGivesIsFlagged() {
        String[] tight = {"36.5", "36.5", "36.6", "36.5", "36.4", "36.6", "36.5", "36.6", "36.5", "36.4"};
        List<WrittenRecord> records = new ArrayList<>();
        for (int i = 0; i < tight.length; i++) {
            records.add(check("staff" + i, at("08:2" + i), at("08:2" + i), false, tight[i], "staff:" + i));
        }
        assertThat(FormalismRules.readings(records)).get()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(FormalismRules.Rule.NARROW_SPREAD));
        // the same person measured ten times in a day may well read the same: a spread is about different people
        List<WrittenRecord> onePerson = records.stream().map(r -> check(r.recordedBy(), r.enteredAt(), r.aboutAt(),
                false, r.reading().toPlainString(), "staff:1")).toList();
        assertThat(FormalismRules.readings(onePerson)).isEmpty();
    }

    @Test
    void r16_6_theDayWrittenUpInABurstBeforeClosingIsFlagged() {
        List<WrittenRecord> burst = new ArrayList<>();
        String[] about = {"08:30", "09:30", "10:30", "11:30", "13:30", "14:30", "15:30", "16:30"};
        for (int i = 0; i < about.length; i++) {
            burst.add(new WrittenRecord("hygiene.disinfection", 7L, "cleaner", at("17:2" + i), at(about[i]), false, null,
                    "zone:" + i, "/hygiene/report?day=" + DAY));
        }
        assertThat(FormalismRules.burst(burst, CLOSES)).get().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(FormalismRules.Rule.END_OF_DAY_BURST);
            assertThat(f.records()).hasSize(8);
        });
        // a cleaner who does eight zones in a row before closing, each entered as it is done
        List<WrittenRecord> honest = burst.stream().map(r -> new WrittenRecord(r.kind(), r.sectionId(), r.recordedBy(),
                r.enteredAt(), r.enteredAt(), false, null, r.subject(), r.link())).toList();
        assertThat(FormalismRules.burst(honest, CLOSES)).isEmpty();
        // the same entries at ten in the morning are no end-of-day burst
        List<WrittenRecord> morning = burst.stream().map(r -> new WrittenRecord(r.kind(), r.sectionId(),
                r.recordedBy(), r.enteredAt().minusSeconds(7 * 3600), r.aboutAt().minusSeconds(3600 * 8), false, null,
                r.subject(), r.link())).toList();
        assertThat(FormalismRules.burst(morning, CLOSES)).isEmpty();
    }

    @Test
    void r16_6_oneAccountRecordingChecksForManyPeopleAtOnceIsFlagged() {
        List<WrittenRecord> many = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant entered = at("09:00").plusSeconds(30L * i);
            many.add(check("head", entered, entered, false, "36." + (2 + i), "staff:" + i));
        }
        assertThat(FormalismRules.oneForMany(many)).get().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(FormalismRules.Rule.ONE_FOR_MANY);
            assertThat(f.detail()).isEqualTo("head 7");
        });
        // a head measuring three people who forgot, and the gate's screener who measures everyone by the post's nature
        assertThat(FormalismRules.oneForMany(many.subList(0, 3))).isEmpty();
        List<WrittenRecord> gate = many.stream().map(r -> new WrittenRecord("screening.gate", null, r.recordedBy(),
                r.enteredAt(), r.aboutAt(), false, r.reading(), r.subject(), r.link())).toList();
        assertThat(FormalismRules.oneForMany(gate)).isEmpty();
        assertThat(FormalismRules.oneForMany(honestDay())).isEmpty();
    }
}
