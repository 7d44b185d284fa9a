package org.hallsafe.organization;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, item 7: the hall calendar counts working days as an agency's legal time limits (工作日) are counted. */
@HallSafeTest
class Issue19HallCalendarTest {

    @Autowired HallCalendar calendar;
    @Autowired TestHall halls;

    private long site;

    @BeforeEach
    void setUp() {
        TestHall.Hall hall = halls.create();
        site = hall.siteId();
        halls.signIn(hall.admin());
        // the 2026 National Day week as the State Council set it: 10-01..07 off, Sunday 09-20 and Saturday 10-10 worked
        for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 7)); d = d.plusDays(1)) {
            calendar.saveDay(site, d, false, null, null, "国庆节");
        }
        calendar.saveDay(site, LocalDate.of(2026, 9, 20), true, null, null, "国庆节调休上班");
        calendar.saveDay(site, LocalDate.of(2026, 10, 10), true, null, null, "国庆节调休上班");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r19_7_addWorkingDaysSkipsWeekendsAndHolidaysAndCountsTiaoxiuDays() {
        LocalDate friday = LocalDate.of(2026, 9, 18);
        assertThat(calendar.addWorkingDays(site, friday, 0)).isEqualTo(friday);
        assertThat(calendar.addWorkingDays(site, friday, 1)).as("the 调休 Sunday").isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(calendar.addWorkingDays(site, friday, 2)).isEqualTo(LocalDate.of(2026, 9, 21));
        // 09-30 (Wed) + 1: the holiday week and its weekend are skipped, 10-08 (Thu) is next
        LocalDate wednesday = LocalDate.of(2026, 9, 30);
        assertThat(calendar.addWorkingDays(site, wednesday, 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.addWorkingDays(site, wednesday, 3)).as("Thu, Fri, then the 调休 Saturday")
                .isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.addWorkingDays(site, wednesday, 4)).isEqualTo(LocalDate.of(2026, 10, 12));
        // a legal time limit of 20 working days from 09-25: 09-28..30 (3), 10-08..10 (6), two full weeks (16), 10-26..29
        LocalDate due = calendar.addWorkingDays(site, LocalDate.of(2026, 9, 25), 20);
        assertThat(calendar.workingDaysBetween(site, LocalDate.of(2026, 9, 25), due)).isEqualTo(20);
        assertThat(due).isEqualTo(LocalDate.of(2026, 10, 29));
        assertThat(calendar.workingDaysBetween(site, due, LocalDate.of(2026, 9, 25))).isZero();

        assertThat(calendar.isWorkingDay(site, LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(site, LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(site, LocalDate.of(2026, 10, 11))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.hours(site, LocalDate.of(2026, 10, 10)).periods()).as("a Monday's hours")
                .isEqualTo(HallCalendar.DEFAULT_HOURS);
    }

    @Test
    void r19_7_theHallsOwnWeekDecidesItsWorkingDaysAndHours() {
        calendar.saveWeek(site, Map.of(DayOfWeek.MONDAY, List.of(new HallCalendar.Period(LocalTime.of(9, 0), LocalTime.of(17, 0))),
                DayOfWeek.SATURDAY, List.of(new HallCalendar.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)))), "Mon, Sat");
        LocalDate monday = LocalDate.of(2026, 11, 30);
        assertThat(calendar.hours(site, monday).opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(calendar.hours(site, monday).closes()).isEqualTo(LocalTime.of(17, 0));
        assertThat(calendar.isWorkingDay(site, monday.plusDays(1))).as("Tuesday is not in this hall's week").isFalse();
        assertThat(calendar.isWorkingDay(site, monday.plusDays(5))).isTrue();
        assertThat(calendar.addWorkingDays(site, monday, 2)).isEqualTo(monday.plusDays(7));
    }
}
