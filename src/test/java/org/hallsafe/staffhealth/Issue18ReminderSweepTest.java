package org.hallsafe.staffhealth;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.screening.Gate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the reminders job claims a hall's reminders in one statement, on every node each minute. Two nodes sweeping
 * the same hall at once tell each person once, the section heads' board learns every late and missed check, and a
 * sweep of a hall already swept claims nothing (R-MON-2, R-MON-3, R-PPE-1).
 */
@HallSafeTest
class Issue18ReminderSweepTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired Reminders reminders;
    @Autowired StaffHealth health;
    @Autowired DayRecords records;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void rMon2_rMon3_rPpe1_twoNodesSweepingAHallAtOnceTellEachPersonOnceAndMarkEveryLateCheck() throws Exception {
        LocalDate monday = LocalDate.now(clock).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        at(monday, "07:30");
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.screener());
        List<Long> staff = hall.staffIds();
        records.mask(hall.siteId(), staff.get(0), "PUT_ON", Gate.Mask.DISPOSABLE_MEDICAL);
        records.mask(hall.siteId(), staff.get(1), "PUT_ON", Gate.Mask.DISPOSABLE_MEDICAL);
        at(monday, "10:31");

        // what the board shows now: checks due, checks late or missed, and two masks due for change
        int due = 0;
        int late = 0;
        int masks = 0;
        for (StaffHealth.Day day : health.board(hall.siteId(), null)) {
            due += day.count(StaffDay.Status.DUE);
            late += day.count(StaffDay.Status.LATE) + day.count(StaffDay.Status.MISSED);
            masks += day.mask() == StaffHealth.MaskState.CHANGE_DUE || day.mask() == StaffHealth.MaskState.OVERDUE ? 1 : 0;
        }
        assertThat(due).as("checks due at 10:31").isPositive();
        assertThat(late).as("checks missed since the morning").isPositive();
        assertThat(masks).isEqualTo(2);

        // two nodes at once: between them, each person is told once of each check and mask due
        var a = CompletableFuture.supplyAsync(() -> reminders.remind(hall.siteId()));
        var b = CompletableFuture.supplyAsync(() -> reminders.remind(hall.siteId()));
        assertThat(a.get() + b.get()).isEqualTo(due + masks);
        assertThat(count(hall, "CHECK_DUE")).isEqualTo(due);
        assertThat(count(hall, "MASK_DUE")).isEqualTo(masks);
        assertThat(count(hall, "CHECK_LATE")).as("the board's late and missed checks, each marked once").isEqualTo(late);
        assertThat(jdbc.sql("SELECT count(*) FROM deliveries WHERE site_id = :site AND source = 'staffhealth'")
                .param("site", hall.siteId()).query(Integer.class).single())
                .as("one SMS a reminder for the staff with a phone").isPositive().isLessThanOrEqualTo(due + masks);

        // a minute later nothing new is due: the sweep claims nothing and tells nobody
        at(monday, "10:32");
        assertThat(reminders.remind(hall.siteId())).isZero();
        assertThat(count(hall, "CHECK_DUE") + count(hall, "MASK_DUE") + count(hall, "CHECK_LATE")).isEqualTo(due + masks + late);
    }

    private int count(TestHall.Hall hall, String kind) {
        return jdbc.sql("SELECT count(*) FROM staffhealth_reminders WHERE site_id = :site AND kind = :kind")
                .param("site", hall.siteId()).param("kind", kind).query(Integer.class).single();
    }

    private void at(LocalDate day, String time) {
        clock.set(day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }
}
